package dk.fsc.citizens.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.citizens.CitizenMoved;
import dk.fsc.citizens.CitizenView;
import dk.fsc.identity.AuditLog;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a citizen's address. A new municipality is a move: the old address stays in the
 * history and {@link CitizenMoved} is published in the same transaction, so the modules
 * that follow the citizen (grants, deliveries, billing) learn of it exactly when it commits.
 * A move dated after today is planned and takes effect on its day ({@link PlannedMoves}).
 */
@Service
class ChangeAddress {

    private final CitizenRepository repository;
    private final CitizenViews views;
    private final ReferenceData reference;
    private final CurrentUsers currentUsers;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final PlannedMoves plannedMoves;
    private final Clock clock;

    ChangeAddress(CitizenRepository repository, CitizenViews views, ReferenceData reference,
            CurrentUsers currentUsers, AuditLog auditLog, ApplicationEventPublisher events, PlannedMoves plannedMoves,
            Clock clock) {
        this.repository = repository;
        this.views = views;
        this.reference = reference;
        this.currentUsers = currentUsers;
        this.auditLog = auditLog;
        this.events = events;
        this.plannedMoves = plannedMoves;
        this.clock = clock;
    }

    record Command(@Nullable String street, @Nullable String postalCode, @Nullable String city,
            @Nullable String municipalityCode, @Nullable LocalDate movedOn) {
    }

    @Transactional
    public CitizenView change(UUID citizenId, Command command) {
        CurrentUser user = currentUsers.require();
        plannedMoves.applyDue();
        Citizen citizen = repository.findForUpdate(citizenId).filter(found -> CitizenAccess.maySee(user, found))
                .orElseThrow(() -> new NotFoundException(FindCitizens.NOT_FOUND));
        if (!CitizenAccess.mayChangeAddress(user, citizen)) {
            throw new AccessDeniedException("may not change this citizen's address");
        }
        List<FieldError> errors = new ArrayList<>();
        String street = CitizenInput.text("street", command.street(), 200, errors);
        String postalCode = CitizenInput.postalCode("postalCode", command.postalCode(), errors);
        String city = CitizenInput.text("city", command.city(), 100, errors);
        String municipality = CitizenInput.municipality(command.municipalityCode(), reference, errors);
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        LocalDate movedOn = command.movedOn() != null ? command.movedOn() : today;
        if (movedOn.isAfter(today.plusYears(1))) {
            errors.add(FieldError.of("movedOn", "citizens.error.movedOn"));
        }
        CitizenInput.check(errors);

        Citizen moved = new Citizen(citizen.id(), citizen.cprEncrypted(), citizen.name(), street, postalCode, city,
                municipality, citizen.phone(), citizen.email());
        if (!citizen.livesIn(municipality) && movedOn.isAfter(today)) {
            plannedMoves.plan(moved, movedOn, user.username());
            auditLog.record(citizenId, "citizen.move");
            return views.of(citizen, user);
        }
        plannedMoves.cancel(citizenId);
        repository.updateAddress(moved, movedOn, clock.instant(), user.username());
        if (citizen.livesIn(municipality)) {
            auditLog.record(citizenId, "citizen.update-address");
        } else {
            auditLog.record(citizenId, "citizen.move");
            events.publishEvent(new CitizenMoved(new CitizenId(citizenId), new MunicipalityCode(citizen.municipalityCode()),
                    new MunicipalityCode(municipality), movedOn));
        }
        return views.of(moved, user);
    }
}
