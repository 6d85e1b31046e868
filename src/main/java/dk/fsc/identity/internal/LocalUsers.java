package dk.fsc.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dk.fsc.shared.Cpr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Local users for form login and HTTP Basic. After {@link #MAX_FAILED_LOGINS} wrong
 * passwords in a row an account is locked for {@link #LOCK_DURATION}; wrong passwords while it
 * is locked do not lengthen the lock. A failure is logged with the name of the account, never
 * the password, and never a name that is no account: people type their CPR number, or their
 * password, in the name field.
 */
@Service
class LocalUsers implements UserDetailsService {

    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(LocalUsers.class);

    private final UserRepository users;
    private final Clock clock;

    LocalUsers(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserRepository.StoredUser user = users.find(username)
                .filter(found -> found.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No local user"));
        boolean locked = user.lockedUntil() != null && user.lockedUntil().isAfter(clock.instant());
        List<SimpleGrantedAuthority> authorities = user.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        return new FscUserDetails(user.username(), user.passwordHash(), user.enabled(), !locked, authorities,
                user.municipalityCode(), user.regionCode(), user.citizenId(), user.failedLogins());
    }

    /** A wrong password; other failures (e.g. a bearer token, whose principal is the token) are not a user's. */
    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent failure) {
        if (!(failure.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt)) {
            return;
        }
        String username = String.valueOf(attempt.getPrincipal());
        if (!users.exists(username) || Cpr.appearsIn(username)) {
            LOG.warn("Failed login for a name that is no user");
            return;
        }
        LOG.warn("Failed login for user '{}'", username);
        users.recordFailedLogin(username, MAX_FAILED_LOGINS, clock.instant(), LOCK_DURATION);
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        if (success.getAuthentication().getPrincipal() instanceof FscUserDetails user && user.failedLogins() > 0) {
            users.recordSuccessfulLogin(user.getUsername());
        }
    }
}
