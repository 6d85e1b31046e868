package dk.fsc.citizens.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.Citizens;
import dk.fsc.identity.AuditLog;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.shared.Cpr;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the register, scoped to what the caller may see. Each citizen shown is recorded
 * in the audit log in the same transaction, so reads are not read-only transactions; they
 * first apply the planned moves whose day has come.
 */
@Service
class FindCitizens implements Citizens {

    static final String NOT_FOUND = "No citizen with this id.";

    private static final String SEARCHERS = "hasAnyRole('FSC_ADMIN', 'FSC_AGENT', 'WAREHOUSE', 'TECHNICIAN',"
            + " 'MUNICIPAL_CASEWORKER', 'MUNICIPAL_HOMECARE', 'NURSE', 'CITIZEN')";

    private final CitizenRepository repository;
    private final CitizenViews views;
    private final CprVault vault;
    private final CurrentUsers currentUsers;
    private final AuditLog auditLog;
    private final PlannedMoves plannedMoves;

    FindCitizens(CitizenRepository repository, CitizenViews views, CprVault vault, CurrentUsers currentUsers,
            AuditLog auditLog, PlannedMoves plannedMoves) {
        this.repository = repository;
        this.views = views;
        this.vault = vault;
        this.currentUsers = currentUsers;
        this.auditLog = auditLog;
        this.plannedMoves = plannedMoves;
    }

    /** A citizen, every address they have had (newest first), and what the caller may change. */
    record Details(CitizenView citizen, List<CitizenView.AddressPeriod> addresses, boolean mayChangeContact,
            boolean mayChangeAddress) {
    }

    @Override
    @Transactional
    public Optional<CitizenView> find(UUID citizenId, String action) {
        CurrentUser user = currentUsers.require();
        plannedMoves.applyDue();
        return repository.find(citizenId).filter(citizen -> CitizenAccess.maySee(user, citizen)).map(citizen -> {
            auditLog.record(citizen.id(), action);
            return views.of(citizen, user);
        });
    }

    /** The citizen, or {@link NotFoundException} when there is none or the caller may not see them. */
    @Transactional
    public CitizenView view(UUID citizenId) {
        return find(citizenId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    @Transactional
    public Details details(UUID citizenId) {
        CurrentUser user = currentUsers.require();
        CitizenView citizen = view(citizenId);
        Citizen stored = repository.find(citizenId).orElseThrow();
        return new Details(citizen, repository.addressHistory(citizenId), CitizenAccess.mayChangeContact(user, stored),
                CitizenAccess.mayChangeAddress(user, stored));
    }

    record Query(@Nullable String cpr, @Nullable String name, @Nullable String phone) {
    }

    /** Exactly one of CPR, name (part of it, at least 2 characters) or phone. */
    @Transactional
    @PreAuthorize(SEARCHERS)
    public Paged<CitizenView> search(Query query, PageQuery page) {
        CurrentUser user = currentUsers.require();
        List<FieldError> errors = new ArrayList<>();
        int given = (blank(query.cpr()) ? 0 : 1) + (blank(query.name()) ? 0 : 1) + (blank(query.phone()) ? 0 : 1);
        if (given != 1) {
            throw new InvalidInputException("Search by exactly one of cpr, name or phone.",
                    List.of(FieldError.of("cpr", "citizens.error.oneCriterion"),
                            FieldError.of("name", "citizens.error.oneCriterion"),
                            FieldError.of("phone", "citizens.error.oneCriterion")));
        }
        CitizenRepository.Criteria criteria;
        if (!blank(query.cpr())) {
            Cpr cpr = CitizenInput.cpr(query.cpr(), errors);
            CitizenInput.check(errors);
            criteria = new CitizenRepository.Criteria(vault.hash(cpr), null, null);
        } else if (!blank(query.name())) {
            String name = query.name().strip();
            if (name.length() < 2 || name.length() > 200) {
                errors.add(FieldError.of("name", "citizens.error.nameSearch"));
            }
            CitizenInput.check(errors);
            criteria = new CitizenRepository.Criteria(null, name, null);
        } else {
            String phone = CitizenInput.phone(query.phone(), errors);
            CitizenInput.check(errors);
            criteria = new CitizenRepository.Criteria(null, null, phone);
        }
        plannedMoves.applyDue();
        Paged<Citizen> found = repository.search(criteria, CitizenAccess.scope(user), page);
        found.items().forEach(citizen -> auditLog.record(citizen.id(), "citizen.search"));
        return found.map(citizen -> views.of(citizen, user));
    }

    @Override
    @Transactional
    @PreAuthorize(SEARCHERS)
    public Paged<CitizenView> search(@Nullable String cpr, @Nullable String name, @Nullable String phone,
            PageQuery page) {
        return search(new Query(cpr, name, phone), page);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
