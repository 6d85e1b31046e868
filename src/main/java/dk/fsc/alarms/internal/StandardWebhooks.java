package dk.fsc.alarms.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures in the Standard Webhooks form (standardwebhooks.com): HMAC-SHA256 over
 * {@code id.timestamp.body} with the base64 secret after its {@code whsec_} prefix, sent as
 * {@code v1,<base64>}; a header may hold several signatures separated by spaces.
 */
final class StandardWebhooks {

    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";
    /** A timestamp further than this from now is refused (replay, or a wrong clock). */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooks() {
    }

    /** The signature header's value for this message. */
    static String sign(String secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether one of the header's signatures is that of one of the secrets. */
    static boolean verify(List<String> secrets, String id, long timestamp, byte[] body, String header) {
        for (String secret : secrets) {
            byte[] expected = sign(secret, id, timestamp, body).getBytes(StandardCharsets.US_ASCII);
            for (String given : header.trim().split(" +")) {
                if (MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the timestamp (seconds) lies within {@link #TOLERANCE} of now. */
    static boolean fresh(long timestamp, Instant now) {
        return Math.abs(now.getEpochSecond() - timestamp) <= TOLERANCE.toSeconds();
    }

    /** A new secret: {@code whsec_} and 32 random bytes in base64. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }

    /** Whether the text is a secret this class can use. */
    static boolean wellFormed(String secret) {
        try {
            return key(secret).length >= 24;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] key(String secret) {
        String base64 = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        return Base64.getDecoder().decode(base64);
    }
}
