package dk.fsc.support.internal;

import java.util.Objects;
import java.util.UUID;

import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who may see what of support: the service center (agents, administrators) everything; a
 * caseworker the contacts and tasks of their municipality's citizens, read only; a citizen their
 * own contacts without the internal notes; nurses the referrals of their municipality or region.
 */
final class SupportAccess {

    private SupportAccess() {
    }

    static boolean isDesk(CurrentUser user) {
        return user.hasAny(Role.FSC_AGENT, Role.FSC_ADMIN);
    }

    static boolean isCaseworkerOf(CurrentUser user, @Nullable String municipalityCode) {
        return user.has(Role.MUNICIPAL_CASEWORKER) && municipalityCode != null
                && municipalityCode.equals(user.municipalityCode());
    }

    /** Contacts and tasks about citizens of {@code municipalityCode} (null: no citizen known). */
    static boolean maySee(CurrentUser user, @Nullable String municipalityCode) {
        return isDesk(user) || isCaseworkerOf(user, municipalityCode);
    }

    /** What a nurse wrote about a referral is health information: for nurses and the citizen's caseworker. */
    static boolean maySeeHealthNotes(CurrentUser user, String municipalityCode) {
        return user.has(Role.NURSE) || isCaseworkerOf(user, municipalityCode);
    }

    static boolean isCitizen(CurrentUser user, @Nullable UUID citizenId) {
        return user.has(Role.CITIZEN) && citizenId != null && Objects.equals(citizenId, user.citizenId());
    }
}
