package dk.fsc.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dk.fsc.grants.Grants;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stoma area's key figures per region (economics.md E7) from the platform's own data: the
 * citizens with a grant in the area on the last day (the grants' public API), the year's spend on
 * the area's products as delivered (the statistics' own projection, at the price on the delivery
 * day), and the spend per citizen in kroner with øre, rounded half up (one quotient, so no
 * largest-remainder split is needed); beside the source's figures and the difference.
 */
@Service
public class StomaKeyFigures {

    static final String AREA = "STOMA";

    /** The source's figures per region code (economics.md E7). */
    static final Map<String, Source> SOURCES = Map.of(
            "1082", new Source(4_800, new BigDecimal("86100000.00"), new BigDecimal("17937.50")),
            "1083", new Source(4_000, new BigDecimal("71600000.00"), new BigDecimal("17900.00")));

    public record Source(long citizens, BigDecimal spendKroner, BigDecimal spendPerCitizenKroner) {
    }

    /** The platform's figures less the source's; per citizen only when the platform has citizens. */
    public record Difference(long citizens, BigDecimal spendKroner, @Nullable BigDecimal spendPerCitizenKroner) {
    }

    /** @param spendPerCitizenKroner null when the region has no citizen with a grant in the area */
    public record RegionFigures(String code, String name, long citizens, BigDecimal spendKroner,
            @Nullable BigDecimal spendPerCitizenKroner, @Nullable Source source, @Nullable Difference difference) {
    }

    /**
     * @param from      the first day of the spend
     * @param to        its last day, on which the citizens are counted
     */
    public record KeyFigures(String area, LocalDate from, LocalDate to, List<RegionFigures> regions) {
    }

    private final DashboardFigures figures;
    private final Grants grants;
    private final ReferenceData referenceData;
    private final Clock clock;

    StomaKeyFigures(DashboardFigures figures, Grants grants, ReferenceData referenceData, Clock clock) {
        this.figures = figures;
        this.grants = grants;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    /** For a calendar year ({@code 2026}), or without one for the last 12 whole months before today's month. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FSC_ADMIN','REGION_ANALYST','FINANCE')")
    public KeyFigures figures(@Nullable String year) {
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        LocalDate from;
        if (year == null || year.isBlank()) {
            from = today.withDayOfMonth(1).minusYears(1);
        } else if (year.strip().matches("[0-9]{4}") && Integer.parseInt(year.strip()) >= 2000
                && Integer.parseInt(year.strip()) <= today.getYear()) {
            from = LocalDate.of(Integer.parseInt(year.strip()), 1, 1);
        } else {
            throw new InvalidInputException("The year is not valid.",
                    List.of(FieldError.of("year", "statistics.error.keyFiguresYear")));
        }
        LocalDate to = from.plusYears(1).minusDays(1);
        Map<String, Map<String, Long>> spend = figures.sums(from, to);
        Map<MunicipalityCode, Long> citizens = grants.citizensWithGrantInArea(AREA, to);
        List<RegionFigures> regions = referenceData.regions().stream().map(region -> {
            List<String> codes = referenceData.municipalities().stream()
                    .filter(m -> m.regionCode().equals(region.code())).map(Municipality::code).toList();
            long count = codes.stream().mapToLong(code -> citizens.getOrDefault(new MunicipalityCode(code), 0L)).sum();
            long ore = codes.stream().mapToLong(code -> spend.getOrDefault(code, Map.of())
                    .getOrDefault("costOre:" + AREA, 0L)).sum();
            return of(region.code(), region.name(), count, ore, SOURCES.get(region.code()));
        }).toList();
        return new KeyFigures(AREA, from, to, regions);
    }

    static RegionFigures of(String code, String name, long citizens, long spendOre, @Nullable Source source) {
        BigDecimal spend = BigDecimal.valueOf(spendOre).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal perCitizen = citizens == 0 ? null
                : BigDecimal.valueOf(spendOre).divide(BigDecimal.valueOf(citizens * 100), 2, RoundingMode.HALF_UP);
        Difference difference = source == null ? null : new Difference(citizens - source.citizens(),
                spend.subtract(source.spendKroner()),
                perCitizen == null ? null : perCitizen.subtract(source.spendPerCitizenKroner()));
        return new RegionFigures(code, name, citizens, spend, perCitizen, source, difference);
    }
}
