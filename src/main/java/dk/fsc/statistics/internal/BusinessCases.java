package dk.fsc.statistics.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Business cases: a calculator per kind whose inputs and results are saved as numbered
 * versions, never changed, so that versions can be compared side by side.
 */
@Service
public class BusinessCases {

    static final String READERS = "hasAnyRole('FSC_ADMIN','REGION_ANALYST','FINANCE','MUNICIPAL_CASEWORKER')";
    static final String WRITERS = "hasAnyRole('FSC_ADMIN','REGION_ANALYST','FINANCE')";

    /** A new case and its first version. */
    public record NewCase(@Nullable String name, @Nullable String kind, @Nullable String label,
            @Nullable Map<String, String> inputs) {
    }

    /** A new version of a case. */
    public record NewVersion(@Nullable String label, @Nullable Map<String, String> inputs) {
    }

    private final BusinessCaseRepository repository;
    private final ReferenceData referenceData;
    private final Clock clock;

    BusinessCases(BusinessCaseRepository repository, ReferenceData referenceData, Clock clock) {
        this.repository = repository;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    @PreAuthorize(READERS)
    public List<BusinessCase> all() {
        return repository.all();
    }

    @PreAuthorize(READERS)
    public BusinessCase find(UUID id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("No business case " + id + "."));
    }

    @Transactional
    @PreAuthorize(WRITERS)
    public BusinessCase create(NewCase request, String by) {
        return create(request, Map.of(), null, by);
    }

    /** Creates a case with the figures a source gives for it; the demo's seed cases use this. */
    @Transactional
    BusinessCase create(NewCase request, Map<String, BigDecimal> sourceFigures, @Nullable String sourceNote,
            String by) {
        List<FieldError> errors = new ArrayList<>();
        String name = Indicators.text(request.name(), "name", 200, errors);
        String label = Indicators.text(request.label(), "label", 200, errors);
        BusinessCase.Kind kind = null;
        for (BusinessCase.Kind candidate : BusinessCase.Kind.values()) {
            if (candidate.name().equalsIgnoreCase(request.kind() == null ? "" : request.kind().strip())) {
                kind = candidate;
            }
        }
        if (kind == null) {
            errors.add(FieldError.of("kind", "statistics.error.choice"));
            throw new InvalidInputException("The business case is not valid.", errors);
        }
        Calculation calculation = calculate(kind, request.inputs(), errors);
        UUID id = UUID.randomUUID();
        repository.insert(id, name, kind, sourceFigures, sourceNote, clock.instant(), by);
        repository.addVersion(id, label, calculation, clock.instant(), by);
        return find(id);
    }

    @Transactional
    @PreAuthorize(WRITERS)
    public BusinessCase addVersion(UUID id, NewVersion request, String by) {
        BusinessCase existing = find(id);
        List<FieldError> errors = new ArrayList<>();
        String label = Indicators.text(request.label(), "label", 200, errors);
        Calculation calculation = calculate(existing.kind(), request.inputs(), errors);
        repository.addVersion(id, label, calculation, clock.instant(), by);
        return find(id);
    }

    /** The calculation, or every reason the inputs (and the fields before them) were refused. */
    private Calculation calculate(BusinessCase.Kind kind, @Nullable Map<String, String> inputs,
            List<FieldError> errors) {
        Map<String, String> typed = inputs == null ? Map.of() : inputs;
        Calculation calculation = null;
        try {
            calculation = kind == BusinessCase.Kind.STOMA ? StomaCase.calculate(typed)
                    : DispenserCase.calculate(typed, referenceData);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        if (calculation == null || !errors.isEmpty()) {
            throw new InvalidInputException("The business case is not valid.", errors);
        }
        return calculation;
    }
}
