package dk.fsc.citizens.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.identity.AuditAction;
import dk.fsc.identity.AuditLog;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.UserNames;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Who has read or changed citizens' data: the whole log for administrators, and each
 * citizen's own entries for that citizen (without the caller's network address).
 */
@Service
class AccessLogs {

    private final AuditLog auditLog;
    private final CurrentUsers currentUsers;
    private final UserNames userNames;
    private final ReferenceData referenceData;

    AccessLogs(AuditLog auditLog, CurrentUsers currentUsers, UserNames userNames, ReferenceData referenceData) {
        this.auditLog = auditLog;
        this.currentUsers = currentUsers;
        this.userNames = userNames;
        this.referenceData = referenceData;
    }

    /**
     * One access as the citizen sees it.
     *
     * @param actorName             the user's name, or null for a job of the platform (its actor
     *                              starts with {@code system:}) or a user the platform no longer knows
     * @param actorMunicipalityName the name of the municipality the user works for, if any
     * @param refused               someone asked for something their role may not do; nothing was shown or changed
     */
    record Access(Instant at, String actor, @Nullable String actorName, String actorRoles,
            @Nullable String actorMunicipality, @Nullable String actorMunicipalityName, String action, boolean refused) {

        /** A job of the platform, not a person. */
        public boolean system() {
            return actor.startsWith("system:");
        }
    }

    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Paged<AuditLog.Entry> search(@Nullable UUID citizenId, @Nullable Instant from, @Nullable Instant to,
            PageQuery page) {
        return auditLog.search(citizenId, from, to, page);
    }

    /**
     * The citizen's own log; what the citizen did themself (their own page views, orders) is left
     * out unless {@code includeOwn}, so that other people's reads are not drowned in them.
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public Paged<Access> mine(boolean includeOwn, PageQuery page) {
        CurrentUser user = currentUsers.require();
        UUID citizenId = user.citizenId();
        if (citizenId == null) {
            return Paged.of(List.of(), page, 0);
        }
        Paged<AuditLog.Entry> entries = auditLog.accessLogOf(citizenId, includeOwn ? null : user.username(), page);
        Map<String, String> names = userNames.displayNames(entries.items().stream().map(AuditLog.Entry::actor).toList());
        return entries.map(entry -> new Access(entry.at(), entry.actor(), names.get(entry.actor()), entry.actorRoles(),
                entry.actorMunicipality(), municipalityName(entry.actorMunicipality()), entry.action(),
                entry.action().equals(AuditAction.ACCESS_REFUSED.code())));
    }

    private @Nullable String municipalityName(@Nullable String code) {
        if (code == null) {
            return null;
        }
        return referenceData.municipality(new MunicipalityCode(code)).map(Municipality::name).orElse(code);
    }
}
