package dk.fsc.citizens.internal;

import java.time.Instant;
import java.util.UUID;

import dk.fsc.identity.AuditAction;
import dk.fsc.identity.AuditLog;
import dk.fsc.identity.CurrentUser;
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

    /**
     * One access as the citizen sees it.
     *
     * @param refused someone asked for something their role may not do; nothing was shown or changed
     */
    record Access(Instant at, String actor, String actorRoles, @Nullable String actorMunicipality, String action,
            boolean refused) {
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
            return Paged.of(java.util.List.of(), page, 0);
        }
        return auditLog.accessLogOf(citizenId, includeOwn ? null : user.username(), page)
                .map(entry -> new Access(entry.at(), entry.actor(), entry.actorRoles(), entry.actorMunicipality(),
                        entry.action(), entry.action().equals(AuditAction.ACCESS_REFUSED.code())));
    }
}
