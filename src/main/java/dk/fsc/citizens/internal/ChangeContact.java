package dk.fsc.citizens.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.fsc.citizens.CitizenView;
import dk.fsc.identity.AuditLog;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a citizen's phone and e-mail: the service centre, the caseworkers of the
 * citizen's municipality and the citizen themself. Whoever may not see the citizen is told
 * there is none; whoever may see but not change them is refused.
 */
@Service
class ChangeContact {

    private final CitizenRepository repository;
    private final CitizenViews views;
    private final CurrentUsers currentUsers;
    private final AuditLog auditLog;
    private final Clock clock;

    ChangeContact(CitizenRepository repository, CitizenViews views, CurrentUsers currentUsers, AuditLog auditLog,
            Clock clock) {
        this.repository = repository;
        this.views = views;
        this.currentUsers = currentUsers;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    record Command(@Nullable String phone, @Nullable String email) {
    }

    @Transactional
    public CitizenView change(UUID citizenId, Command command) {
        CurrentUser user = currentUsers.require();
        Citizen citizen = repository.findForUpdate(citizenId).filter(found -> CitizenAccess.maySee(user, found))
                .orElseThrow(() -> new NotFoundException(FindCitizens.NOT_FOUND));
        if (!CitizenAccess.mayChangeContact(user, citizen)) {
            throw new AccessDeniedException("may not change this citizen's contact data");
        }
        List<FieldError> errors = new ArrayList<>();
        String phone = CitizenInput.phone(command.phone(), errors);
        String email = CitizenInput.email(command.email(), errors);
        CitizenInput.check(errors);
        repository.updateContact(citizenId, phone, email, clock.instant());
        auditLog.record(citizenId, "citizen.update-contact");
        return views.of(new Citizen(citizen.id(), citizen.cprEncrypted(), citizen.name(), citizen.street(),
                citizen.postalCode(), citizen.city(), citizen.municipalityCode(), phone, email), user);
    }
}
