package dk.fsc.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Successful HTTP Basic logins of the last {@code fsc.security.api-login-memory} (60 s by
 * default; 0 remembers nothing), under a keyed hash of name and password. The key is random
 * per process and never stored, so the map reveals no password. Each login is remembered with
 * the user's security stamp ({@link UserRepository#securityStamp}) and recalled only while the
 * stamp in the database is still the same: a lock, a disable, a new password or changed roles
 * end it at the next call, on every instance. See {@link RememberedBasicLogins}.
 */
@Component
class ApiLoginMemory {

    private static final int MAX_ENTRIES = 10_000;

    private final Duration memory;
    private final Clock clock;
    private final Function<String, Optional<String>> stamps;
    private final SecretKeySpec key;
    private final Map<String, Remembered> logins = new ConcurrentHashMap<>();

    private record Remembered(Authentication authentication, Instant until, String stamp) {
    }

    @Autowired
    ApiLoginMemory(@Value("${fsc.security.api-login-memory:PT60S}") Duration memory, Clock clock,
            UserRepository users) {
        this(memory, clock, users::securityStamp);
    }

    /** @param stamps a user's current security stamp, empty when there is no such user */
    ApiLoginMemory(Duration memory, Clock clock, Function<String, Optional<String>> stamps) {
        this.memory = memory;
        this.clock = clock;
        this.stamps = stamps;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
    }

    Optional<Authentication> recall(String username, String password) {
        if (memory.isZero()) {
            return Optional.empty();
        }
        String entry = entry(username, password);
        Remembered remembered = logins.get(entry);
        if (remembered == null || !remembered.until().isAfter(clock.instant())) {
            return Optional.empty();
        }
        if (!stamp(username).equals(remembered.stamp())) {
            logins.remove(entry);
            return Optional.empty();
        }
        return Optional.of(remembered.authentication());
    }

    /**
     * The user's security stamp now, to be read before the password is checked and passed to
     * {@link #remember}: a change made during the check then shows at the next call.
     */
    String stamp(String username) {
        return memory.isZero() ? "" : stamps.apply(username).orElse("");
    }

    void remember(String username, String password, Authentication authentication, String stamp) {
        if (memory.isZero()) {
            return;
        }
        Instant now = clock.instant();
        if (logins.size() >= MAX_ENTRIES) {
            logins.values().removeIf(old -> !old.until().isAfter(now));
        }
        if (logins.size() < MAX_ENTRIES) {
            logins.put(entry(username, password), new Remembered(authentication, now.plus(memory), stamp));
        }
    }

    /** Forgets every remembered login of the user, so the next call is checked against the database. */
    void forget(String username) {
        logins.values().removeIf(old -> old.authentication().getName().equals(username));
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
