package dk.fsc.citizens.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.CitizensForSystem;
import dk.fsc.identity.AuditLog;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.SystemJob;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;

/** The system access path: reads for jobs and listeners, audited as the job, refused within a request. */
@Service
class SystemReads implements CitizensForSystem {

    private final CitizenRepository repository;
    private final CitizenViews views;
    private final CurrentUsers currentUsers;
    private final AuditLog auditLog;
    private final PlannedMoves plannedMoves;

    SystemReads(CitizenRepository repository, CitizenViews views, CurrentUsers currentUsers, AuditLog auditLog,
            PlannedMoves plannedMoves) {
        this.repository = repository;
        this.plannedMoves = plannedMoves;
        this.views = views;
        this.currentUsers = currentUsers;
        this.auditLog = auditLog;
    }

    @Override
    @Transactional
    public Optional<CitizenView> find(SystemJob job, UUID citizenId, String action) {
        if (RequestContextHolder.getRequestAttributes() != null || currentUsers.current().isPresent()) {
            throw new IllegalStateException("The citizens' system access path is for jobs and listeners; "
                    + job.actor() + " was called within a request or a login");
        }
        plannedMoves.applyDue();
        CurrentUser system = new CurrentUser(job.actor(), Set.of(), null, null, null, "system");
        return repository.find(citizenId).map(citizen -> {
            auditLog.recordForSystem(job, citizen.id(), action);
            return views.of(citizen, system);
        });
    }
}
