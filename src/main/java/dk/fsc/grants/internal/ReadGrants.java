package dk.fsc.grants.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.Citizens;
import dk.fsc.grants.DecisionTask;
import dk.fsc.grants.GrantId;
import dk.fsc.grants.GrantedLine;
import dk.fsc.grants.Grants;
import dk.fsc.grants.NewGrant;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of grants. A person sees the grants of a citizen they may see (the citizens
 * module decides who that is), and only in the roles that work with grants; every read is
 * audited as {@code grant.read}. A grant another module makes goes to {@link GrantDecisions}.
 */
@Service
class ReadGrants implements Grants {

    static final String READERS = "hasAnyRole('FSC_ADMIN', 'FSC_AGENT', 'MUNICIPAL_CASEWORKER', 'MUNICIPAL_HOMECARE',"
            + " 'NURSE', 'CITIZEN')";

    private final GrantRepository repository;
    private final Citizens citizens;
    private final CurrentUsers currentUsers;
    private final DecisionTasks tasks;
    private final GrantDecisions decisions;
    private final AreaSpans spans;

    ReadGrants(GrantRepository repository, Citizens citizens, CurrentUsers currentUsers, DecisionTasks tasks,
            GrantDecisions decisions, AreaSpans spans) {
        this.repository = repository;
        this.decisions = decisions;
        this.spans = spans;
        this.citizens = citizens;
        this.currentUsers = currentUsers;
        this.tasks = tasks;
    }

    @Override
    public List<DecisionTask> openDecisions() {
        return tasks.open();
    }

    @Override
    public GrantId make(CitizenId citizenId, NewGrant grant) {
        return new GrantId(decisions.make(citizenId.value(), GrantTerms.Command.of(grant)).id());
    }

    @Override
    public List<FieldError> check(CitizenId citizenId, NewGrant grant) {
        return decisions.check(citizenId.value(), GrantTerms.Command.of(grant));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<MunicipalityCode, Long> citizensWithGrantInArea(String areaCode, LocalDate date) {
        return citizensWithGrantPerArea(date).getOrDefault(areaCode, Map.of());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Map<MunicipalityCode, Long>> citizensWithGrantPerArea(LocalDate date) {
        return spans.count(date);
    }

    @Override
    @Transactional(readOnly = true)
    public List<GrantedLine> inForce(CitizenId citizenId, LocalDate date) {
        return repository.linesInForce(citizenId.value(), date);
    }

    record CitizenGrants(CitizenView citizen, List<Grant> grants) {
    }

    @Transactional
    @PreAuthorize(READERS)
    public CitizenGrants ofCitizen(UUID citizenId) {
        CitizenView citizen = citizens.find(citizenId, "grant.read")
                .orElseThrow(() -> new NotFoundException(GrantDecisions.NO_CITIZEN));
        return new CitizenGrants(citizen, repository.ofCitizen(citizenId));
    }

    @Transactional
    @PreAuthorize(READERS)
    public Grant grant(UUID grantId) {
        return repository.find(grantId).filter(grant -> citizens.find(grant.citizenId(), "grant.read").isPresent())
                .orElseThrow(() -> new NotFoundException(GrantDecisions.NO_GRANT));
    }

    @Transactional
    @PreAuthorize(READERS)
    public List<GrantRepository.Revision> revisions(UUID grantId) {
        return repository.revisions(grant(grantId).id());
    }

    /** Whether the current user may make and change grants for this citizen (for pages to show the forms). */
    boolean mayDecide(CitizenView citizen) {
        CurrentUser user = currentUsers.require();
        return user.has(Role.MUNICIPAL_CASEWORKER)
                && citizen.municipalityCode().equals(user.municipalityCode());
    }
}
