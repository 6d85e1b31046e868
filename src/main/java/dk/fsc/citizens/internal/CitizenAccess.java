package dk.fsc.citizens.internal;

import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.Role;

/**
 * Who may see and change which citizen ({@code docs/security.md}). Enforced by the use
 * cases, so that every entry point (REST, pages, other modules) obeys the same rules.
 */
final class CitizenAccess {

    private CitizenAccess() {
    }

    /** Roles that see every citizen: the service centre, and warehouse and technicians for deliveries. */
    private static boolean seesAll(CurrentUser user) {
        return user.hasAny(Role.FSC_ADMIN, Role.FSC_AGENT, Role.WAREHOUSE, Role.TECHNICIAN);
    }

    /** Roles bound to a municipality that see the citizens living there. */
    private static boolean municipal(CurrentUser user) {
        return user.hasAny(Role.MUNICIPAL_CASEWORKER, Role.MUNICIPAL_HOMECARE, Role.NURSE)
                && user.municipalityCode() != null;
    }

    static boolean maySee(CurrentUser user, Citizen citizen) {
        return seesAll(user)
                || (municipal(user) && citizen.livesIn(user.municipalityCode()))
                || (user.has(Role.CITIZEN) && citizen.id().equals(user.citizenId()));
    }

    static CitizenRepository.Scope scope(CurrentUser user) {
        if (seesAll(user)) {
            return new CitizenRepository.Scope(true, null, null);
        }
        if (municipal(user)) {
            return new CitizenRepository.Scope(false, user.municipalityCode(), null);
        }
        if (user.has(Role.CITIZEN) && user.citizenId() != null) {
            return new CitizenRepository.Scope(false, null, user.citizenId());
        }
        return new CitizenRepository.Scope(false, null, null);
    }

    private static boolean caseworkerOf(CurrentUser user, Citizen citizen) {
        return user.has(Role.MUNICIPAL_CASEWORKER) && citizen.livesIn(user.municipalityCode());
    }

    /** The full CPR is for the service centre and the caseworkers of the citizen's municipality. */
    static boolean seesFullCpr(CurrentUser user, Citizen citizen) {
        return user.hasAny(Role.FSC_ADMIN, Role.FSC_AGENT) || caseworkerOf(user, citizen);
    }

    static boolean mayChangeAddress(CurrentUser user, Citizen citizen) {
        return user.hasAny(Role.FSC_ADMIN, Role.FSC_AGENT) || caseworkerOf(user, citizen);
    }

    static boolean mayChangeContact(CurrentUser user, Citizen citizen) {
        return mayChangeAddress(user, citizen) || (user.has(Role.CITIZEN) && citizen.id().equals(user.citizenId()));
    }

    /** Service-centre staff register anywhere; a caseworker only in their own municipality. */
    static boolean mayRegisterIn(CurrentUser user, String municipality) {
        return user.hasAny(Role.FSC_ADMIN, Role.FSC_AGENT)
                || (user.has(Role.MUNICIPAL_CASEWORKER) && municipality.equals(user.municipalityCode()));
    }
}
