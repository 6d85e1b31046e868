package dk.fsc.reference.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dk.fsc.reference.Municipality;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.PopulationYearImported;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.PayloadTooLargeException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a year's population figures. The whole file is checked first; one bad line and
 * nothing is saved. Loading a year again replaces that year only; other years stay.
 */
@Service
class ImportPopulations {

    /** Far above any real file (98 municipalities), far below a memory problem. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    record Result(int year, boolean created, String source, int imported, long total, List<String> ignored,
            List<String> missing) {
    }

    private final ReferenceRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ImportPopulations(ReferenceRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    static int parseYear(String input) {
        String trimmed = input.strip();
        if (!YEAR.matcher(trimmed).matches() || Integer.parseInt(trimmed) < 1769 || Integer.parseInt(trimmed) > 2200) {
            throw new InvalidInputException("The year is not a year from 1769 to 2200.",
                    List.of(FieldError.of("year", "reference.error.year")));
        }
        return Integer.parseInt(trimmed);
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Result load(String yearInput, byte[] body, String importedBy) {
        int year = parseYear(yearInput);
        if (body.length > MAX_BYTES) {
            throw new PayloadTooLargeException(MAX_BYTES);
        }
        List<Municipality> register = repository.municipalities();
        Map<MunicipalityCode, String> names = new LinkedHashMap<>();
        register.forEach(m -> names.put(new MunicipalityCode(m.code()), m.name()));
        PopulationCsv.Parsed parsed = new PopulationCsv(names).parse(body, year);
        boolean created = !repository.populationYears().contains(year);
        repository.replacePopulationYear(year, parsed.format().source, clock.instant(), importedBy, parsed.figures());
        long total = parsed.figures().values().stream().mapToLong(Integer::longValue).sum();
        List<String> missing = names.keySet().stream().filter(code -> !parsed.figures().containsKey(code))
                .map(MunicipalityCode::value).toList();
        events.publishEvent(new PopulationYearImported(year, parsed.figures().size(), total));
        return new Result(year, created, parsed.format().source, parsed.figures().size(), total, parsed.ignored(),
                missing);
    }
}
