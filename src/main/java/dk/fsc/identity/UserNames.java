package dk.fsc.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The names of the people behind user names, for pages that say who did something ("Besluttet af
 * Visitator, Aarhus") instead of showing a login name.
 */
public interface UserNames {

    /**
     * The display name of each of {@code usernames} that is a user of the platform; a name that is
     * none (a job, a login through the broker that was never stored) is left out.
     */
    Map<String, String> displayNames(Collection<String> usernames);

    /** An enabled user holding a role, with the municipality or region they are bound to. */
    record Holder(String username, String displayName, @Nullable String municipalityCode,
            @Nullable String regionCode) {
    }

    /** The enabled users holding {@code role}, by display name: e.g. the directory of stoma nurses. */
    List<Holder> withRole(Role role);
}
