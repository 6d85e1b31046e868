package dk.fsc.grants.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.citizens.CitizenId;
import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.Citizens;
import dk.fsc.grants.GrantChanged;
import dk.fsc.grants.GrantEnded;
import dk.fsc.grants.GrantId;
import dk.fsc.grants.GrantMade;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.TimeConfiguration;
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

    /**
     * A new grant. When the citizen moved in and still lives on the old municipality's grants,
     * this decision ends their transition.
     */
    @Transactional
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    public Grant make(UUID citizenId, GrantTerms.Command command) {
        CurrentUser user = currentUsers.require();
        CitizenView citizen = decidable(citizenId, user, "grant.make");
        Grant grant = Grant.make(citizen.id(), citizen.municipalityCode(), GrantTerms.of(command, assortment),
                clock.instant(), user.username());
        repository.insert(grant);
        repository.recordRevision(grant, "MADE", clock.instant(), user.username());
        events.publishEvent(new GrantMade(new GrantId(grant.id()), new CitizenId(grant.citizenId()),
                new MunicipalityCode(grant.municipalityCode())));
        endTransitions(grant.citizenId(), grant.municipalityCode(), user.username());
        return grant;
    }

    /**
     * Every rule of {@link #make} that {@code command} breaks, without making anything: the same
     * caseworker and citizen (404 otherwise) and the same rules. The citizen is looked up as a read
     * ({@code grant.read}), so a request that already recorded the citizen adds no audit row.
     */
    @Transactional
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    public List<FieldError> check(UUID citizenId, GrantTerms.Command command) {
        decidable(citizenId, currentUsers.require(), "grant.read");
        return GrantTerms.check(command, assortment);
    }

    /** Replaces the grant's terms; a line that covers the same thing as before keeps its id and its consumption. */
    @Transactional
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    public Grant change(UUID grantId, GrantTerms.Command command) {
        CurrentUser user = currentUsers.require();
        Grant changed = decidableGrant(grantId, user, "grant.change").change(GrantTerms.of(command, assortment));
        repository.update(changed);
        repository.recordRevision(changed, "CHANGED", clock.instant(), user.username());
        events.publishEvent(new GrantChanged(new GrantId(changed.id()), new CitizenId(changed.citizenId()),
                changed.revision()));
        return changed;
    }

    /** Ends the grant: from {@code endsOn} (today when not given) it is no longer in force. */
    @Transactional
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    public Grant end(UUID grantId, @Nullable LocalDate endsOn, @Nullable String reason) {
        CurrentUser user = currentUsers.require();
        Grant grant = decidableGrant(grantId, user, "grant.end");
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new InvalidInputException("An ended grant needs a reason.",
                    List.of(FieldError.of("reason", "grants.error.reason")));
        }
        return saveEnded(grant.end(endsOn != null ? endsOn : today(), reason.strip()), user.username());
    }

    /**
     * The citizen's new municipality decided on them after they moved in: the old
     * municipality's grants kept for the transition end today, or on the moving day if that is
     * still to come.
     */
    void endTransitions(UUID citizenId, String newMunicipality, String by) {
        LocalDate today = today();
        for (GrantRepository.InTransition kept : repository.inTransitionTo(citizenId, newMunicipality, today)) {
            Grant ended = kept.grant().endTransitionOn(today.isAfter(kept.from()) ? today : kept.from());
            if (ended != kept.grant()) {
                saveEnded(ended, by);
            }
        }
    }

    /** Saves an ended grant as its next revision and tells the other modules. */
    Grant saveEnded(Grant ended, String by) {
        repository.update(ended);
        repository.recordRevision(ended, "ENDED", clock.instant(), by);
        events.publishEvent(new GrantEnded(new GrantId(ended.id()), new CitizenId(ended.citizenId()),
                Objects.requireNonNull(ended.endsOn()), String.valueOf(ended.endReason())));
        return ended;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
    }

    /** The citizen, when the caseworker decides for their municipality; for anyone else the citizen does not exist. */
    private CitizenView decidable(UUID citizenId, CurrentUser user, String action) {
        return citizens.find(citizenId, action)
                .filter(found -> found.municipalityCode().equals(user.municipalityCode()))
                .orElseThrow(() -> new NotFoundException(NO_CITIZEN));
    }

    private Grant decidableGrant(UUID grantId, CurrentUser user, String action) {
        return repository.findForUpdate(grantId)
                .filter(grant -> grant.municipalityCode().equals(user.municipalityCode()))
                .filter(grant -> citizens.find(grant.citizenId(), action).isPresent())
                .orElseThrow(() -> new NotFoundException(NO_GRANT));
    }
}
