package dk.fsc.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.problem.PayloadTooLargeException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Indicators with targets: an administrator defines them and registers or imports their
 * values; the region, finance and the municipalities read them with their attainment.
 */
@Service
public class Indicators {

    static final int MAX_BYTES = 1024 * 1024;
    private static final String READERS = "hasAnyRole('FSC_ADMIN','REGION_ANALYST','FINANCE','MUNICIPAL_CASEWORKER')";

    /** What an administrator fills in to define an indicator; every field as typed. */
    public record Definition(@Nullable String name, @Nullable String unit, @Nullable String periodKind,
            @Nullable String breakdown, @Nullable String regionCode, @Nullable String source,
            @Nullable String firstPeriod, @Nullable String lastPeriod, @Nullable String target) {
    }

    /** One value as typed: area, period, value, incomplete, note. */
    public record NewValue(@Nullable String area, @Nullable String period, @Nullable String value,
            @Nullable Boolean incomplete,
            @Nullable String note) {
    }

    /** One cell of the table: the area's value in the period, or null when none is registered. */
    public record Cell(@Nullable Long value, boolean incomplete, @Nullable String note) {
    }

    /**
     * One period's row: the cells in the areas' order, the total of the values registered
     * (null when there is none: missing, not zero), incomplete when a value is marked so or an
     * area has none, and the attainment of the target in per cent with one decimal.
     */
    public record Row(Period period, List<Cell> cells, @Nullable Long total, boolean incomplete,
            @Nullable BigDecimal attainment) {
    }

    public record Table(Indicator indicator, List<String> areaNames, List<Row> rows) {
    }

    private final IndicatorRepository repository;
    private final ReferenceData referenceData;
    private final Clock clock;

    Indicators(IndicatorRepository repository, ReferenceData referenceData, Clock clock) {
        this.repository = repository;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    @PreAuthorize(READERS)
    List<Indicator> all() {
        return repository.all();
    }

    @PreAuthorize(READERS)
    Table table(UUID id) {
        Indicator indicator = repository.find(id).orElseThrow(() -> notFound(id));
        IndicatorAreas areas = IndicatorAreas.of(indicator, referenceData);
        Map<String, IndicatorValue> byKey = new HashMap<>();
        repository.values(indicator).forEach(value -> byKey.put(key(value.area(), value.period()), value));
        List<Row> rows = new ArrayList<>();
        for (Period period : indicator.firstPeriod().through(indicator.lastPeriod())) {
            List<Cell> cells = new ArrayList<>();
            long total = 0;
            boolean any = false;
            boolean incomplete = false;
            for (String area : areas.names().keySet()) {
                IndicatorValue value = byKey.get(key(area, period));
                if (value == null) {
                    cells.add(new Cell(null, false, null));
                    incomplete = true;
                } else {
                    cells.add(new Cell(value.value(), value.incomplete(), value.note()));
                    total += value.value();
                    any = true;
                    incomplete |= value.incomplete();
                }
            }
            BigDecimal attainment = any && indicator.target() != null
                    ? BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(100))
                            .divide(BigDecimal.valueOf(indicator.target()), 1, RoundingMode.HALF_UP)
                    : null;
            rows.add(new Row(period, cells, any ? total : null, any && incomplete, attainment));
        }
        return new Table(indicator, List.copyOf(areas.names().values()), rows);
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    Indicator define(Definition definition, String by) {
        List<FieldError> errors = new ArrayList<>();
        String name = text(definition.name(), "name", 200, errors);
        String unit = text(definition.unit(), "unit", 50, errors);
        String source = text(definition.source(), "source", 200, errors);
        Period.Kind kind = choice(Period.Kind.class, definition.periodKind(), "periodKind", errors);
        Indicator.Breakdown breakdown = choice(Indicator.Breakdown.class, definition.breakdown(), "breakdown", errors);
        String regionCode = definition.regionCode() == null ? "" : definition.regionCode().strip();
        if (referenceData.regions().stream().noneMatch(region -> region.code().equals(regionCode))) {
            errors.add(FieldError.of("regionCode", "statistics.error.region"));
        }
        Period first = kind == null ? null : period(kind, definition.firstPeriod(), "firstPeriod", errors);
        Period last = kind == null ? null : period(kind, definition.lastPeriod(), "lastPeriod", errors);
        if (first != null && last != null && last.compareTo(first) < 0) {
            errors.add(FieldError.of("lastPeriod", "statistics.error.endsBeforeStart"));
        }
        Long target = null;
        if (definition.target() != null && !definition.target().isBlank()) {
            Optional<Long> parsed = IndicatorValuesCsv.value(definition.target());
            if (parsed.isEmpty() || parsed.get() == 0) {
                errors.add(FieldError.of("target", "statistics.error.target"));
            } else {
                target = parsed.get();
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The indicator is not valid.", errors);
        }
        Indicator indicator = new Indicator(UUID.randomUUID(), name, unit, kind, breakdown, regionCode, source,
                first, last, target, List.of(), clock.instant(), by);
        repository.insert(indicator);
        return indicator;
    }

    /** Registers one value, replacing the area's value of the period if there is one (a correction). */
    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    IndicatorValue register(UUID id, NewValue input, String by) {
        Indicator indicator = repository.lock(id).orElseThrow(() -> notFound(id));
        IndicatorAreas areas = IndicatorAreas.of(indicator, referenceData);
        List<FieldError> errors = new ArrayList<>();
        Optional<String> area = areas.resolve(input.area() == null ? "" : input.area());
        if (area.isEmpty()) {
            errors.add(FieldError.of("area", "statistics.error.unknownArea", input.area() == null ? "" : input.area()));
        }
        Period period = period(indicator.periodKind(), input.period(), "period", errors);
        if (period != null && !indicator.covers(period)) {
            errors.add(FieldError.of("period", "statistics.error.periodOutside", period.code(),
                    indicator.firstPeriod().code(), indicator.lastPeriod().code()));
        }
        Optional<Long> value = IndicatorValuesCsv.value(input.value() == null ? "" : input.value());
        if (value.isEmpty()) {
            errors.add(FieldError.of("value", "statistics.error.value", input.value() == null ? "" : input.value()));
        }
        String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        if (note != null && note.length() > 500) {
            errors.add(FieldError.of("note", "statistics.error.noteLength"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The value is not valid.", errors);
        }
        IndicatorValue saved = new IndicatorValue(area.orElseThrow(), period, value.orElseThrow(),
                Boolean.TRUE.equals(input.incomplete()),
                note);
        repository.save(id, saved, clock.instant(), by);
        return saved;
    }

    /** Imports values from CSV: every line valid and new, or nothing is saved. */
    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    List<IndicatorValue> importValues(UUID id, byte[] body, String by) {
        if (body.length > MAX_BYTES) {
            throw new PayloadTooLargeException(MAX_BYTES);
        }
        Indicator indicator = repository.lock(id).orElseThrow(() -> notFound(id));
        IndicatorAreas areas = IndicatorAreas.of(indicator, referenceData);
        List<IndicatorValue> values = IndicatorValuesCsv.parse(body, indicator, areas);
        Map<String, IndicatorValue> existing = new HashMap<>();
        repository.values(indicator).forEach(value -> existing.put(key(value.area(), value.period()), value));
        List<FieldError> errors = new ArrayList<>();
        for (IndicatorValue value : values) {
            if (existing.containsKey(key(value.area(), value.period()))) {
                errors.add(FieldError.of("body", "statistics.error.alreadyRegistered",
                        areas.names().get(value.area()), value.period().code()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Nothing was imported: values already registered.", errors);
        }
        values.forEach(value -> repository.save(id, value, clock.instant(), by));
        return values;
    }

    private static String key(String area, Period period) {
        return area + "|" + period.start();
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No indicator " + id + ".");
    }

    static String text(@Nullable String input, String field, int max, List<FieldError> errors) {
        String value = input == null ? "" : input.strip();
        if (value.isEmpty()) {
            errors.add(FieldError.of(field, "statistics.error.required"));
        } else if (value.length() > max) {
            errors.add(FieldError.of(field, "statistics.error.tooLong", max));
        }
        return value;
    }

    private static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String input, String field,
            List<FieldError> errors) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(input == null ? "" : input.strip())) {
                return constant;
            }
        }
        errors.add(FieldError.of(field, "statistics.error.choice"));
        return null;
    }

    private static @Nullable Period period(Period.Kind kind, @Nullable String input, String field,
            List<FieldError> errors) {
        Optional<Period> period = Period.parse(kind, input == null ? "" : input);
        if (period.isEmpty()) {
            errors.add(FieldError.of(field, "statistics.error.periodFormat." + kind.name(), input == null ? "" : input));
        }
        return period.orElse(null);
    }
}
