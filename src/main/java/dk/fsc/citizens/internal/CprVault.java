package dk.fsc.citizens.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dk.fsc.shared.Cpr;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps CPR numbers out of the database in clear text: AES-256-GCM with a random nonce for
 * storage, HMAC-SHA256 under a second key for lookup and duplicate detection. Without the
 * keys a database dump reveals no CPR; with only the hash key, a CPR can be confirmed but
 * not read.
 */
@Component
class CprVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    CprVault(@Value("${fsc.citizens.cpr-key}") String encryptionKey,
            @Value("${fsc.citizens.cpr-hash-key}") String hashKey) {
        this.encryptionKey = new SecretKeySpec(key("fsc.citizens.cpr-key", encryptionKey), "AES");
        this.hashKey = new SecretKeySpec(key("fsc.citizens.cpr-hash-key", hashKey), "HmacSHA256");
    }

    private static byte[] key(String property, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " must be base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(property + " must be 32 bytes (base64 of 32 random bytes)");
        }
        return key;
    }

    byte[] encrypt(Cpr cpr) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(cpr.digits().getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("CPR encryption failed", e);
        }
    }

    Cpr decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            byte[] digits = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return Cpr.of(new String(digits, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("CPR decryption failed (wrong fsc.citizens.cpr-key?)", e);
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
