package dk.fsc.identity.internal;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * HTTP Basic on the API checks each password with bcrypt, which is made to be slow; a script
 * or integration that sends Basic on every call would spend most of its time there. This
 * answers a repeated login from {@link ApiLoginMemory}, so it costs a map lookup. A wrong
 * password is never remembered: it goes to the real check, which counts it towards the
 * lockout, and makes every remembered login of that user forgotten. A remembered login holds
 * only while the user's security stamp in the database is unchanged, so a lock (from the login
 * form, the API or another instance), a disable or a role change takes effect at the next call.
 */
class RememberedBasicLogins implements AuthenticationProvider {

    private final AuthenticationProvider passwordCheck;
    private final ApiLoginMemory memory;

    RememberedBasicLogins(AuthenticationProvider passwordCheck, ApiLoginMemory memory) {
        this.passwordCheck = passwordCheck;
        this.memory = memory;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication login) {
        if (!(login.getCredentials() instanceof String password)) {
            return passwordCheck.authenticate(login);
        }
        Optional<Authentication> remembered = memory.recall(login.getName(), password);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        String stamp = memory.stamp(login.getName());
        Authentication checked;
        try {
            checked = passwordCheck.authenticate(login);
        } catch (AuthenticationException refused) {
            memory.forget(login.getName());
            throw refused;
        }
        if (checked != null && checked.isAuthenticated()) {
            memory.remember(login.getName(), password, checked, stamp);
        }
        return checked;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
