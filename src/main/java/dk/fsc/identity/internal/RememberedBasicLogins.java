package dk.fsc.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * HTTP Basic on the API checks each password with bcrypt, which is made to be slow; a script
 * or integration that sends Basic on every call would spend most of its time there. This
 * remembers a successful login for a short while under a keyed hash of name and password
 * (the key is random per process and never stored), so a repeated call costs a map lookup.
 * A wrong password is never remembered: it goes to the real check, which counts it towards
 * the lockout, and makes every remembered login of that user forgotten, so a lock takes
 * effect at once. A disabled account or a role change reaches a remembered login when its
 * entry expires ({@code fsc.security.api-login-memory}, 60 s by default; 0 turns this off).
 */
class RememberedBasicLogins implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider passwordCheck;
    private final Duration memory;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Remembered> logins = new ConcurrentHashMap<>();

    private record Remembered(Authentication authentication, Instant until) {
    }

    RememberedBasicLogins(AuthenticationProvider passwordCheck, Duration memory, Clock clock) {
        this.passwordCheck = passwordCheck;
        this.memory = memory;
        this.clock = clock;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
    }

    @Override
    public @Nullable Authentication authenticate(Authentication login) {
        if (memory.isZero() || !(login.getCredentials() instanceof String password)) {
            return passwordCheck.authenticate(login);
        }
        String entry = entry(login.getName(), password);
        Instant now = clock.instant();
        Remembered remembered = logins.get(entry);
        if (remembered != null && remembered.until().isAfter(now)) {
            return remembered.authentication();
        }
        Authentication checked;
        try {
            checked = passwordCheck.authenticate(login);
        } catch (AuthenticationException refused) {
            logins.values().removeIf(old -> old.authentication().getName().equals(login.getName()));
            throw refused;
        }
        if (checked != null && checked.isAuthenticated()) {
            if (logins.size() >= MAX_ENTRIES) {
                logins.values().removeIf(old -> !old.until().isAfter(now));
            }
            if (logins.size() < MAX_ENTRIES) {
                logins.put(entry, new Remembered(checked, now.plus(memory)));
            }
        }
        return checked;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String entry(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((username + '\0' + password).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
