package dk.fsc.citizens.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dk.fsc.shared.Cpr;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class CprVaultTest {

    private static final String OLD_KEY = key(1);
    private static final String NEW_KEY = key(2);
    private static final String HASH_KEY = key(3);
    private static final String DEMO_KEY = "pVzUnWEiBrZSLe4fdMpYO3E+8pcJz+EZ0DUChguL8ms=";
    private static final String DEMO_HASH_KEY = "WWS/NM2pu+dOqrpLYKEQURSfQ2iW+e8L4e6LPIPFOJk=";
    private static final Cpr CPR = Cpr.of("0101701234");

    @Test
    void aNewKeyEncryptsWhileTheOldOneStillDecrypts() {
        CprVault before = vault(OLD_KEY, Map.of(), null);
        byte[] underOldKey = before.encrypt(CPR);

        CprVault rotated = vault(OLD_KEY, Map.of("2026-11", NEW_KEY), "2026-11");
        byte[] underNewKey = rotated.encrypt(CPR);

        assertThat(CprVault.keyId(underOldKey)).isEqualTo("0");
        assertThat(CprVault.keyId(underNewKey)).isEqualTo("2026-11");
        assertThat(rotated.decrypt(underOldKey)).isEqualTo(CPR);
        assertThat(rotated.decrypt(underNewKey)).isEqualTo(CPR);
        assertThatThrownBy(() -> before.decrypt(underNewKey)).hasMessageContaining("2026-11");
    }

    @Test
    void onceEveryRowIsUnderTheNewKeyTheOldOneCanGo() {
        byte[] underNewKey = vault(OLD_KEY, Map.of("2", NEW_KEY), "2").encrypt(CPR);

        assertThat(vault(null, Map.of("2", NEW_KEY), "2").decrypt(underNewKey)).isEqualTo(CPR);
    }

    @Test
    void ciphertextsWrittenBeforeKeyIdsAreReadWithTheSingleKey() throws GeneralSecurityException {
        // Any first byte: the old format starts with the random nonce, which may look like a header.
        for (int first = 0; first < 3; first++) {
            byte[] legacy = legacyCiphertext(OLD_KEY, first);

            assertThat(vault(OLD_KEY, Map.of(), null).decrypt(legacy)).isEqualTo(CPR);
            assertThat(vault(OLD_KEY, Map.of("2", NEW_KEY), "2").decrypt(legacy)).isEqualTo(CPR);
        }
    }

    @Test
    void aTamperedKeyIdDoesNotDecrypt() {
        CprVault vault = vault(OLD_KEY, Map.of("1", NEW_KEY), "1");
        byte[] stored = vault.encrypt(CPR);
        stored[2] = '0';

        assertThatThrownBy(() -> vault.decrypt(stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theHashDoesNotDependOnTheEncryptionKey() {
        assertThat(vault(OLD_KEY, Map.of(), null).hash(CPR))
                .isEqualTo(vault(OLD_KEY, Map.of("2", NEW_KEY), "2").hash(CPR));
    }

    @Test
    void keysThatProtectNothingAreRefused() {
        assertThatThrownBy(() -> vault(null, Map.of(), null)).isInstanceOf(CprKeys.CprKeysRefused.class)
                .hasMessageContaining("FSC_CPR_KEY");
        assertThatThrownBy(() -> new CprVault(new CprKeys(OLD_KEY, Map.of(), null, ""), production()))
                .isInstanceOf(CprKeys.CprKeysRefused.class).hasMessageContaining("FSC_CPR_HASH_KEY");
        assertThatThrownBy(() -> vault(OLD_KEY, Map.of(), "2")).hasMessageContaining("cpr-key-id names key 2");
        assertThatThrownBy(() -> vault(OLD_KEY, Map.of("0", NEW_KEY), null)).hasMessageContaining("another id");
        assertThatThrownBy(() -> vault(OLD_KEY, Map.of("a b", NEW_KEY), "a b")).hasMessageContaining("key id");
        assertThatThrownBy(() -> vault("c2hvcnQ=", Map.of(), null)).hasMessageContaining("32 bytes");
    }

    @Test
    void thePublicDemoKeysServeTheDemoProfileOnly() {
        assertThatThrownBy(() -> new CprVault(new CprKeys(DEMO_KEY, Map.of(), null, HASH_KEY), production()))
                .isInstanceOf(CprKeys.CprKeysRefused.class).hasMessageContaining("public demo keys");
        assertThatThrownBy(() -> new CprVault(new CprKeys(OLD_KEY, Map.of(), null, DEMO_HASH_KEY), production()))
                .isInstanceOf(CprKeys.CprKeysRefused.class);
        assertThatThrownBy(() -> new CprVault(new CprKeys(OLD_KEY, Map.of("2", DEMO_KEY), "2", HASH_KEY),
                production())).isInstanceOf(CprKeys.CprKeysRefused.class);

        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo", "test");
        assertThat(new CprVault(new CprKeys(DEMO_KEY, Map.of(), null, DEMO_HASH_KEY), demo).encrypt(CPR)).isNotEmpty();
    }

    @Test
    void onlyARowTheCurrentKeySealedCountsAsSealedWithIt() throws GeneralSecurityException {
        CprVault current = vault(OLD_KEY, Map.of(), null);
        CprVault rotated = vault(OLD_KEY, Map.of("2", NEW_KEY), "2");

        assertThat(current.sealedWithCurrentKey(current.encrypt(CPR))).isTrue();
        assertThat(rotated.sealedWithCurrentKey(current.encrypt(CPR))).isFalse();
        assertThat(rotated.sealedWithCurrentKey(rotated.encrypt(CPR))).isTrue();
        assertThat(current.sealedWithCurrentKey(legacyCiphertext(OLD_KEY, 1)))
                .as("written before key ids, its nonce looking like key 0's header").isFalse();
    }

    private static CprVault vault(@Nullable String cprKey, Map<String, String> cprKeys, @Nullable String keyId) {
        return new CprVault(new CprKeys(cprKey, cprKeys, keyId, HASH_KEY), production());
    }

    private static MockEnvironment production() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        return environment;
    }

    private static String key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

    /** As CprVault wrote before key ids: nonce || ciphertext+tag. */
    private static byte[] legacyCiphertext(String key, int firstNonceByte) throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        nonce[0] = (byte) firstNonceByte;
        nonce[1] = 1;
        nonce[2] = (byte) '0';
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(key), "AES"),
                new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(CPR.digits().getBytes(StandardCharsets.US_ASCII));
        return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    }
}
