package dk.fsc.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class RememberedBasicLoginsTest {

    final AtomicInteger checks = new AtomicInteger();
    Instant now = Instant.parse("2026-11-22T10:00:00Z");
    /** The user's security stamp in the database. */
    String stamp = "unlocked";

    /** A password check that counts its calls and knows one password. */
    final AuthenticationProvider passwordCheck = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication login) {
            checks.incrementAndGet();
            if (!"right".equals(login.getCredentials())) {
                throw new BadCredentialsException("wrong");
            }
            return UsernamePasswordAuthenticationToken.authenticated(login.getName(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_FSC_AGENT")));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    RememberedBasicLogins logins(Duration memory) {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new RememberedBasicLogins(passwordCheck, new ApiLoginMemory(memory, clock, user -> Optional.of(stamp)));
    }

    static UsernamePasswordAuthenticationToken login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("agent", password);
    }

    @Test
    void aRepeatedLoginWithinTheMemoryIsNotCheckedAgain() {
        RememberedBasicLogins logins = logins(Duration.ofSeconds(60));

        logins.authenticate(login("right"));
        assertThat(logins.authenticate(login("right")).isAuthenticated()).isTrue();

        assertThat(checks).hasValue(1);
    }

    @Test
    void aRememberedLoginIsCheckedAgainWhenItExpires() {
        RememberedBasicLogins logins = logins(Duration.ofSeconds(60));
        logins.authenticate(login("right"));

        now = now.plusSeconds(61);
        logins.authenticate(login("right"));

        assertThat(checks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndMakesTheUsersRememberedLoginsForgotten() {
        RememberedBasicLogins logins = logins(Duration.ofSeconds(60));
        logins.authenticate(login("right"));

        assertThatThrownBy(() -> logins.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> logins.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        logins.authenticate(login("right"));

        assertThat(checks).hasValue(4);
    }

    @Test
    void aChangedSecurityStampMakesTheNextLoginCheckedAgain() {
        RememberedBasicLogins logins = logins(Duration.ofSeconds(60));
        logins.authenticate(login("right"));

        stamp = "locked elsewhere";
        logins.authenticate(login("right"));
        logins.authenticate(login("right"));

        assertThat(checks).hasValue(2);
    }

    @Test
    void aMemoryOfZeroChecksEveryLogin() {
        RememberedBasicLogins logins = logins(Duration.ZERO);

        logins.authenticate(login("right"));
        logins.authenticate(login("right"));

        assertThat(checks).hasValue(2);
    }
}
