package dk.fsc.identity.internal;

import java.util.List;

import dk.fsc.identity.UserNames;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The name every page's header shows for the person signed in: her display name as a local user,
 * else (a login through the broker that was never stored) her user name. Asked by the layout
 * ({@code @signedInName.of(#authentication)}), so only pages pay for it, not the API.
 */
@Component("signedInName")
public class SignedInName {

    private final UserNames userNames;

    SignedInName(UserNames userNames) {
        this.userNames = userNames;
    }

    public String of(Authentication authentication) {
        String username = authentication.getName();
        return userNames.displayNames(List.of(username)).getOrDefault(username, username);
    }
}
