package dk.fsc.identity;

import java.util.Optional;

/** Tells other modules who is calling, from the security context of the current request. */
public interface CurrentUsers {

    /** The caller, or empty outside an authenticated request. */
    Optional<CurrentUser> current();

    /** The caller; throws when there is none (a bug: every API and page requires a login). */
    default CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException("No authenticated user"));
    }
}
