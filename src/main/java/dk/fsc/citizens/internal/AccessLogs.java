package dk.fsc.citizens.internal;

import java.time.Instant;
import java.util.UUID;

import dk.fsc.identity.AuditLog;
import dk.fsc.identity.CurrentUsers;
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

    AccessLogs(AuditLog auditLog, CurrentUsers currentUsers) {
        this.auditLog = auditLog;
        this.currentUsers = currentUsers;
    }

    /** One access as the citizen sees it. */
    record Access(Instant at, String actor, String actorRoles, @Nullable String actorMunicipality, String action) {
    }

    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Paged<AuditLog.Entry> search(@Nullable UUID citizenId, @Nullable Instant from, @Nullable Instant to,
            PageQuery page) {
        return auditLog.search(citizenId, from, to, page);
    }

    @PreAuthorize("hasRole('CITIZEN')")
    public Paged<Access> mine(PageQuery page) {
        UUID citizenId = currentUsers.require().citizenId();
        if (citizenId == null) {
            return Paged.of(java.util.List.of(), page, 0);
        }
        return auditLog.accessLogOf(citizenId, page).map(entry -> new Access(entry.at(), entry.actor(),
                entry.actorRoles(), entry.actorMunicipality(), entry.action()));
    }
}
