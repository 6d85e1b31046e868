package dk.fsc.citizens.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.PropertyPlaceholderHelper;
import org.springframework.util.StringUtils;

/**
 * The keys that protect CPR numbers, as configured.
 *
 * @param cprKey     the original single encryption key (env {@code FSC_CPR_KEY}); its key id is
 *                   {@value #LEGACY_KEY_ID}, and it also decrypts ciphertexts written before key
 *                   ids existed
 * @param cprKeys    further encryption keys by key id ({@code fsc.citizens.cpr-keys[<id>]}), so a
 *                   new key can encrypt while old ones still decrypt
 * @param cprKeyId   the id of the key that encrypts; {@value #LEGACY_KEY_ID} (cpr-key) by default
 * @param cprHashKey the HMAC key of the lookup hash (env {@code FSC_CPR_HASH_KEY})
 */
@ConfigurationProperties("fsc.citizens")
record CprKeys(@Nullable String cprKey, @Nullable Map<String, String> cprKeys, @Nullable String cprKeyId,
        @Nullable String cprHashKey) {

    static final String LEGACY_KEY_ID = "0";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final String DEMO_PROPERTIES = "application-demo.properties";

    /** Every encryption key by id, checked: base64 of 32 bytes, ids of letters, digits, - and _. */
    Map<String, byte[]> encryptionKeys() {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        if (StringUtils.hasText(cprKey)) {
            keys.put(LEGACY_KEY_ID, decode("fsc.citizens.cpr-key", cprKey));
        }
        if (cprKeys != null) {
            cprKeys.forEach((id, key) -> {
                String property = "fsc.citizens.cpr-keys[" + id + "]";
                if (!KEY_ID.matcher(id).matches()) {
                    throw new CprKeysRefused(property + ": a key id is 1 to 32 letters, digits, '-' or '_'.");
                }
                if (keys.containsKey(id)) {
                    throw new CprKeysRefused(property + ": key id " + id + " is fsc.citizens.cpr-key's; "
                            + "give the new key another id.");
                }
                keys.put(id, decode(property, key));
            });
        }
        if (keys.isEmpty()) {
            throw new CprKeysRefused("No CPR encryption key: set FSC_CPR_KEY (fsc.citizens.cpr-key) "
                    + "or fsc.citizens.cpr-keys[<id>].");
        }
        if (!keys.containsKey(currentKeyId())) {
            throw new CprKeysRefused("fsc.citizens.cpr-key-id names key " + currentKeyId()
                    + ", which is not configured (keys: " + String.join(", ", keys.keySet()) + ").");
        }
        return keys;
    }

    String currentKeyId() {
        return StringUtils.hasText(cprKeyId) ? cprKeyId.strip() : LEGACY_KEY_ID;
    }

    byte[] hashKey() {
        if (!StringUtils.hasText(cprHashKey)) {
            throw new CprKeysRefused("No CPR hash key: set FSC_CPR_HASH_KEY (fsc.citizens.cpr-hash-key).");
        }
        return decode("fsc.citizens.cpr-hash-key", cprHashKey);
    }

    /**
     * Refuses the public demo keys of {@value #DEMO_PROPERTIES}: they protect nothing, since
     * anyone can read them in the repository.
     */
    void refuseDemoKeys() {
        Set<String> demo = demoKeys();
        boolean demoKeyUsed = demo.contains(strip(cprHashKey)) || demo.contains(strip(cprKey))
                || (cprKeys != null && cprKeys.values().stream().map(CprKeys::strip).anyMatch(demo::contains));
        if (demoKeyUsed) {
            throw new CprKeysRefused("The CPR keys are the public demo keys of this repository. "
                    + "Outside the demo profile set FSC_CPR_KEY and FSC_CPR_HASH_KEY to keys of your own.");
        }
    }

    /** The values of the demo profile's key settings, their placeholders' defaults resolved. */
    private static Set<String> demoKeys() {
        try {
            Properties demo = PropertiesLoaderUtils.loadProperties(new ClassPathResource(DEMO_PROPERTIES));
            PropertyPlaceholderHelper defaults = new PropertyPlaceholderHelper("${", "}", ":", null, true);
            return demo.stringPropertyNames().stream()
                    .filter(name -> name.startsWith("fsc.citizens.cpr-"))
                    .map(name -> defaults.replacePlaceholders(demo.getProperty(name), placeholder -> null).strip())
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + DEMO_PROPERTIES, e);
        }
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static byte[] decode(String property, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new CprKeysRefused(property + " must be base64 (openssl rand -base64 32).");
        }
        if (key.length != 32) {
            throw new CprKeysRefused(property + " must be 32 bytes (openssl rand -base64 32).");
        }
        return key;
    }

    /** The platform cannot protect CPR numbers with the keys it was given. */
    static final class CprKeysRefused extends IllegalStateException {

        CprKeysRefused(String message) {
            super(message);
        }
    }
}
