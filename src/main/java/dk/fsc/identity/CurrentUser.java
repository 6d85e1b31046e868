package dk.fsc.identity;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling: a person, a machine client (API key) or the system itself.
 *
 * @param municipalityCode the municipality a caseworker, home-care user or nurse is bound to
 * @param regionCode       the region a regional nurse or analyst is bound to
 * @param citizenId        the citizen a {@link Role#CITIZEN} user is
 * @param client           how the call came: {@code web}, {@code api}, {@code api-key:NAME}
 */
public record CurrentUser(String username, Set<Role> roles, @Nullable String municipalityCode,
        @Nullable String regionCode, @Nullable UUID citizenId, String client) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
