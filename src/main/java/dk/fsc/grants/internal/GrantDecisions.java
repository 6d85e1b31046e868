package dk.fsc.grants.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.Citizens;
import dk.fsc.grants.GrantChanged;
import dk.fsc.grants.GrantEnded;
import dk.fsc.grants.GrantMade;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A caseworker's decisions on grants: make, change, end. Only a caseworker of the citizen's
 * municipality decides; for anyone else the citizen or grant does not exist (404). Each
 * decision keeps the whole grant as a new revision, so nothing granted before is lost.
 */
@Service
class GrantDecisions {

    static final String NO_GRANT = "No grant with this id.";
    static final String NO_CITIZEN = "No citizen with this id.";

    private final GrantRepository repository;
    private final Citizens citizens;
    private final Assortment assortment;
    private final CurrentUsers currentUsers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GrantDecisions(GrantRepository repository, Citizens citizens, Assortment assortment, CurrentUsers currentUsers,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.citizens = citizens;
        this.assortment = assortment;
        this.currentUsers = currentUsers;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    public Grant make(UUID citizenId, GrantTerms.Command command) {
        CurrentUser user = currentUsers.require();
        CitizenView citizen = citizens.find(citizenId, "grant.make")
                .filter(found -> found.municipalityCode().equals(user.municipalityCode()))
                .orElseThrow(() -> new NotFoundException(NO_CITIZEN));
        GrantTerms terms = GrantTerms.of(command, assortment);
        List<Grant.Line> lines = terms.lines().stream()
                .map(line -> new Grant.Line(UUID.randomUUID(), line.target(), line.quantity(), line.period()))
                .toList();
        Grant grant = new Grant(UUID.randomUUID(), citizen.id(), citizen.municipalityCode(), terms.validFrom(),
                terms.validTo(), terms.deliveryAddress(), terms.note(), null, null, 1, clock.instant(),
                user.username(), lines);
        repository.insert(grant);
        repository.recordRevision(grant, "MADE", clock.instant(), user.username());
        events.publishEvent(new GrantMade(grant.id(), grant.citizenId(), grant.municipalityCode()));
        return grant;
    }

    /** Replaces the grant's terms; a line that covers the same thing as before keeps its id and its consumption. */
    @Transactional
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    public Grant change(UUID grantId, GrantTerms.Command command) {
        CurrentUser user = currentUsers.require();
        Grant grant = decidable(grantId, user, "grant.change");
        if (grant.endsOn() != null) {
            throw new ConflictException("The grant has ended; make a new grant instead.");
        }
        GrantTerms terms = GrantTerms.of(command, assortment);
        Map<String, UUID> lineIds = new HashMap<>();
        grant.lines().forEach(line -> lineIds.put(line.target().key(), line.id()));
        List<Grant.Line> lines = terms.lines().stream()
                .map(line -> new Grant.Line(lineIds.getOrDefault(line.target().key(), UUID.randomUUID()), line.target(),
                        line.quantity(), line.period()))
                .toList();
        Grant changed = new Grant(grant.id(), grant.citizenId(), grant.municipalityCode(), terms.validFrom(),
                terms.validTo(), terms.deliveryAddress(), terms.note(), null, null, grant.revision() + 1,
                grant.createdAt(), grant.createdBy(), lines);
        repository.update(changed);
        repository.recordRevision(changed, "CHANGED", clock.instant(), user.username());
        events.publishEvent(new GrantChanged(changed.id(), changed.citizenId(), changed.revision()));
        return changed;
    }

    /** Ends the grant: from {@code endsOn} (today when not given) it is no longer in force. */
    @Transactional
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    public Grant end(UUID grantId, @Nullable LocalDate endsOn, @Nullable String reason) {
        CurrentUser user = currentUsers.require();
        Grant grant = decidable(grantId, user, "grant.end");
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new InvalidInputException("An ended grant needs a reason.",
                    List.of(FieldError.of("reason", "grants.error.reason")));
        }
        LocalDate day = endsOn != null ? endsOn : LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        if (grant.endsOn() != null) {
            throw new ConflictException("The grant has already ended on " + grant.endsOn() + ".");
        }
        return endAt(grant, day, reason.strip(), user.username());
    }

    /** Ends a grant without a caseworker, e.g. because the citizen moved; the caller checked it may. */
    Grant endAt(Grant grant, LocalDate endsOn, String reason, String by) {
        Grant ended = new Grant(grant.id(), grant.citizenId(), grant.municipalityCode(), grant.validFrom(),
                grant.validTo(), grant.deliveryAddress(), grant.note(), endsOn, reason, grant.revision() + 1,
                grant.createdAt(), grant.createdBy(), grant.lines());
        repository.update(ended);
        repository.recordRevision(ended, "ENDED", clock.instant(), by);
        events.publishEvent(new GrantEnded(ended.id(), ended.citizenId(), endsOn, reason));
        return ended;
    }

    private Grant decidable(UUID grantId, CurrentUser user, String action) {
        return repository.findForUpdate(grantId)
                .filter(grant -> grant.municipalityCode().equals(user.municipalityCode()))
                .filter(grant -> citizens.find(grant.citizenId(), action).isPresent())
                .orElseThrow(() -> new NotFoundException(NO_GRANT));
    }
}
