package dk.fsc.citizens.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dk.fsc.shared.Cpr;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps CPR numbers out of the database in clear text: AES-256-GCM with a random nonce for
 * storage, HMAC-SHA256 under a second key for lookup and duplicate detection. Without the
 * keys a database dump reveals no CPR; with only the hash key, a CPR can be confirmed but
 * not read.
 * <p>
 * A ciphertext names its key: {@code 0x01 || id length || id || nonce || ciphertext+tag},
 * the header authenticated as associated data. So a new key (fsc.citizens.cpr-key-id) encrypts
 * while the old ones still decrypt. A ciphertext without that header (written before key ids)
 * is {@code nonce || ciphertext+tag} under fsc.citizens.cpr-key.
 * <p>
 * Outside the demo profile the platform refuses to start without keys or with the public demo keys.
 */
@Component
@EnableConfigurationProperties(CprKeys.class)
class CprVault {

    static final String DEMO_PROFILE = "demo";
    private static final byte FORMAT_WITH_KEY_ID = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> encryptionKeys = new LinkedHashMap<>();
    private final String currentKeyId;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    CprVault(CprKeys keys, Environment environment) {
        if (!environment.matchesProfiles(DEMO_PROFILE)) {
            keys.refuseDemoKeys();
        }
        keys.encryptionKeys().forEach((id, key) -> encryptionKeys.put(id, new SecretKeySpec(key, "AES")));
        this.currentKeyId = keys.currentKeyId();
        this.hashKey = new SecretKeySpec(keys.hashKey(), "HmacSHA256");
    }

    byte[] encrypt(Cpr cpr) {
        try {
            byte[] header = header(currentKeyId);
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKeys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            byte[] sealed = cipher.doFinal(cpr.digits().getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(header.length + nonce.length + sealed.length)
                    .put(header).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("CPR encryption failed", e);
        }
    }

    Cpr decrypt(byte[] stored) {
        String keyId = keyId(stored);
        if (keyId != null && encryptionKeys.containsKey(keyId)) {
            int headerLength = 2 + keyId.length();
            byte[] digits = open(encryptionKeys.get(keyId), stored, headerLength,
                    Arrays.copyOfRange(stored, 0, headerLength));
            if (digits != null) {
                return Cpr.of(new String(digits, StandardCharsets.US_ASCII));
            }
        }
        // Written before key ids: the first byte is the random nonce's, which may look like a header.
        SecretKeySpec legacy = encryptionKeys.get(CprKeys.LEGACY_KEY_ID);
        byte[] digits = legacy == null ? null : open(legacy, stored, 0, new byte[0]);
        if (digits == null) {
            throw new IllegalStateException("CPR decryption failed: the key "
                    + (keyId == null ? "of fsc.citizens.cpr-key" : keyId) + " is not configured or wrong");
        }
        return Cpr.of(new String(digits, StandardCharsets.US_ASCII));
    }

    /** Whether {@code stored} is sealed under the key that encrypts now: its header names the key and its tag holds. */
    boolean sealedWithCurrentKey(byte[] stored) {
        if (!currentKeyId.equals(keyId(stored))) {
            return false;
        }
        int headerLength = 2 + currentKeyId.length();
        return open(encryptionKeys.get(currentKeyId), stored, headerLength, Arrays.copyOfRange(stored, 0, headerLength))
                != null;
    }

    /** The key that encrypts now, for a key rotation's log. */
    String currentKeyId() {
        return currentKeyId;
    }

    /** The key id a ciphertext names, or null for one written before key ids. */
    static @Nullable String keyId(byte[] stored) {
        if (stored.length < 2 || stored[0] != FORMAT_WITH_KEY_ID) {
            return null;
        }
        int length = stored[1];
        if (length < 1 || stored.length < 2 + length + NONCE_BYTES + TAG_BITS / 8) {
            return null;
        }
        return new String(stored, 2, length, StandardCharsets.US_ASCII);
    }

    private static byte[] header(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(2 + id.length).put(FORMAT_WITH_KEY_ID).put((byte) id.length).put(id).array();
    }

    private static byte @Nullable [] open(SecretKeySpec key, byte[] stored, int offset, byte[] header) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, offset, NONCE_BYTES));
            cipher.updateAAD(header);
            return cipher.doFinal(stored, offset + NONCE_BYTES, stored.length - offset - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    byte[] hash(Cpr cpr) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return mac.doFinal(cpr.digits().getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("CPR hashing failed", e);
        }
    }
}
