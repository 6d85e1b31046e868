package dk.fsc.identity;

import java.util.Collection;
import java.util.Map;

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
}
