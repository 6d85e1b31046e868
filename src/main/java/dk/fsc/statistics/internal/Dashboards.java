package dk.fsc.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.devices.NeedLevel;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.invoicing.ChargeKind;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics dashboard for a municipality, cluster, region or the platform and a period,
 * beside the previous period and the same period last year. A caseworker sees her own
 * municipality beside the anonymous average of the others; the region sees every scope and
 * the municipalities one by one. Counts of citizens under 5 are suppressed in everything shown
 * outside a municipality's own figures.
 */
@Service
public class Dashboards {

    static final int SUPPRESS_BELOW = 5;
    static final List<String> METRICS = List.of("citizensWithGrants", "citizensOrdering", "ordersPlaced",
            "itemsDelivered", "costKroner", "costPerCitizenKroner", "leadTimeDays", "awaitingApproval",
            "awaitingAgeDays", "contacts", "contactMinutes", "workOrders", "technicianMinutes", "missedTargets",
            "devicesInUse", "devicesAtEnd", "alarmsRaised", "alarmsClosed", "acknowledgeMinutes", "closeMinutes",
            "adherencePercent", "dosesMissed", "invoicedKroner");
    private static final List<String> NOW_ONLY = List.of("awaitingApproval", "awaitingAgeDays");

    /** A value, or suppressed (fewer than 5 citizens), or null when it cannot be given (no deliveries, not now). */
    public record Cell(@Nullable BigDecimal value, boolean suppressed) {
    }

    public record Line(String metric, List<Cell> cells) {
    }

    public record Scope(String key, String kind, String name, List<String> municipalities) {
    }

    public record MunicipalityRow(String code, String name, List<Cell> cells) {
    }

    /** Items delivered in a product area (as the assortment places each product) and their cost in kroner. */
    public record AreaFigures(String code, String name, long items, BigDecimal costKroner) {
    }

    /**
     * Devices of a model with a service level (the names of its services, none for the basic
     * service) in use on a day of each column's period, with the services they had on its last day.
     */
    public record DeviceLine(String modelId, String model, List<String> services, List<Cell> cells) {
    }

    /** The amounts invoiced of a charge kind, net of credit notes, without VAT, in kroner, in each column. */
    public record KindLine(String kind, List<Cell> cells) {
    }

    /** Needs assessments made in each column's period whose rules recommended a step and whose caseworker chose one. */
    public record AssessmentLine(NeedLevel recommended, NeedLevel chosen, List<Cell> cells) {
    }

    /**
     * @param columns        current, previous, lastYear and, for one municipality, others
     * @param devices        devices in use per model and service level, in the same columns
     * @param invoiced       amounts invoiced per kind (issue date in the period), in the same columns
     * @param assessments    needs assessments per recommended and chosen step, in the same columns
     * @param followed       the percentage of the assessments whose chosen step was the recommended one
     * @param municipalities the region's view of each municipality in the scope (empty for a municipal user)
     */
    public record View(Scope scope, LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
            List<String> columns, List<Line> lines, Map<String, long[]> topics, List<AreaFigures> areas,
            List<DeviceLine> devices, List<KindLine> invoiced, List<AssessmentLine> assessments, List<Cell> followed,
            List<MunicipalityRow> municipalities,
            List<Scope> scopes, @JsonIgnore Duration sqlTime) {
    }

    private final DashboardFigures figures;
    private final ReferenceData referenceData;
    private final CurrentUsers currentUsers;
    private final Clock clock;
    private final Assortment assortment;

    Dashboards(DashboardFigures figures, ReferenceData referenceData, CurrentUsers currentUsers, Clock clock,
            Assortment assortment) {
        this.figures = figures;
        this.referenceData = referenceData;
        this.currentUsers = currentUsers;
        this.clock = clock;
        this.assortment = assortment;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FSC_ADMIN','REGION_ANALYST','FINANCE','MUNICIPAL_CASEWORKER')")
    public View view(@Nullable String scopeKey, @Nullable String fromText, @Nullable String toText) {
        CurrentUser user = currentUsers.require();
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        LocalDate[] period = period(fromText, toText, today);
        LocalDate from = period[0];
        LocalDate to = period[1];
        List<Scope> scopes = scopes(user);
        Scope scope = scopes.stream().filter(s -> s.key().equals(scopeKey == null ? "" : scopeKey)).findFirst()
                .orElseGet(() -> {
                    if (scopeKey != null && !scopeKey.isBlank()) {
                        throw new NotFoundException("No statistics for " + scopeKey + ".");
                    }
                    return scopes.getFirst();
                });
        boolean municipalUser = user.municipalityCode() != null && user.has(Role.MUNICIPAL_CASEWORKER)
                && !user.hasAny(Role.FSC_ADMIN, Role.REGION_ANALYST, Role.FINANCE);
        return compute(scope, scopes, from, to, today, municipalUser);
    }

    /**
     * A municipality's figures for a period as its own caseworker sees them (beside the others'
     * average, no municipality by name), for the monthly report: no user, so the caller decides.
     */
    @Transactional(readOnly = true)
    View ofMunicipality(String code, LocalDate from, LocalDate to, LocalDate today) {
        Scope scope = new Scope("municipality:" + code, "municipality", name(code), List.of(code));
        return compute(scope, List.of(scope), from, to, today, true);
    }

    private View compute(Scope scope, List<Scope> scopes, LocalDate from, LocalDate to, LocalDate today,
            boolean municipalUser) {
        LocalDate[] previous = previous(from, to);
        boolean own = scope.kind().equals("municipality");
        long sqlStart = System.nanoTime();
        Map<String, Map<String, Long>> current = figures.sums(from, to);
        Map<String, Map<String, Long>> before = figures.sums(previous[0], previous[1]);
        Map<String, Map<String, Long>> lastYear = figures.sums(from.minusYears(1), to.minusYears(1));
        Map<String, Map<String, Long>> awaiting = figures.awaiting(today);
        Duration sqlTime = Duration.ofNanos(System.nanoTime() - sqlStart);
        awaiting.forEach((code, sums) -> current.computeIfAbsent(code, c -> new HashMap<>()).putAll(sums));
        List<String> summed = summed(scope);
        List<String> others = own ? referenceData.municipalities().stream().map(Municipality::code)
                .filter(code -> !scope.municipalities().contains(code)).toList() : List.of();
        List<Map<String, Long>> totals = new ArrayList<>(List.of(total(current, summed), total(before, summed),
                total(lastYear, summed)));
        if (!others.isEmpty()) {
            totals.add(total(current, others));
        }
        Map<String, long[]> topics = new TreeMap<>();
        Map<String, long[]> byArea = new TreeMap<>();
        totals.getFirst().forEach((metric, value) -> {
            String[] split = metric.split(":", 2);
            if (split.length == 2 && (split[0].startsWith("contact") || split[0].equals("itemsDelivered")
                    || split[0].equals("costOre"))) {
                Map<String, long[]> into = split[0].startsWith("contact") ? topics : byArea;
                into.computeIfAbsent(split[1], t -> new long[2])[split[0].equals("contacts")
                        || split[0].equals("itemsDelivered") ? 0 : 1] = value;
            }
        });
        Locale locale = LocaleContextHolder.getLocale();
        List<AreaFigures> areas = assortment.areas().stream().filter(area -> byArea.containsKey(area.code()))
                .map(area -> new AreaFigures(area.code(), area.name(locale), byArea.get(area.code())[0],
                        kroner(byArea.get(area.code())[1], 1)))
                .toList();

        List<String> columns = new ArrayList<>(List.of("current", "previous", "lastYear"));
        if (!others.isEmpty()) {
            columns.add("others");
        }
        List<Line> lines = new ArrayList<>();
        for (String metric : METRICS) {
            List<Cell> cells = new ArrayList<>();
            for (int column = 0; column < totals.size(); column++) {
                boolean othersColumn = column == 3;
                cells.add(column > 0 && !othersColumn && NOW_ONLY.contains(metric) ? new Cell(null, false)
                        : cell(metric, totals.get(column), othersColumn ? others.size() : 1, othersColumn || !own));
            }
            lines.add(new Line(metric, cells));
        }
        List<DeviceLine> devices = breakdown(totals, "devicesInUse", "devicesInUse", others.size(), own).entrySet()
                .stream().map(entry -> {
                    String[] modelAndServices = entry.getKey().split("/", -1);
                    String model = assortment.product(new ProductId(UUID.fromString(modelAndServices[0])))
                            .map(ProductView::name).orElse(modelAndServices[0]);
                    return new DeviceLine(modelAndServices[0], model, modelAndServices[1].isEmpty() ? List.of()
                            : List.of(modelAndServices[1].split(",")), entry.getValue());
                })
                .sorted(Comparator.comparing(DeviceLine::model).thenComparing(line -> line.services().size())
                        .thenComparing(line -> String.join(",", line.services())))
                .toList();
        List<KindLine> invoiced = breakdown(totals, "invoicedOre", "invoicedKroner", others.size(), own).entrySet()
                .stream().sorted(Comparator.comparing(entry -> ChargeKind.valueOf(entry.getKey())))
                .map(entry -> new KindLine(entry.getKey(), entry.getValue())).toList();
        List<AssessmentLine> assessments = breakdown(totals, "assessments", "assessments", others.size(), own)
                .entrySet().stream().map(entry -> {
                    String[] levels = entry.getKey().split("/");
                    return new AssessmentLine(NeedLevel.valueOf(levels[0]), NeedLevel.valueOf(levels[1]), entry.getValue());
                })
                .sorted(Comparator.comparing(AssessmentLine::recommended).thenComparing(AssessmentLine::chosen))
                .toList();
        List<Cell> followed = new ArrayList<>();
        for (int column = 0; column < totals.size(); column++) {
            followed.add(cell("assessmentsFollowedPercent", totals.get(column), 1, column == 3 || !own));
        }
        List<MunicipalityRow> rows = new ArrayList<>();
        if (!municipalUser) {
            for (String code : scope.municipalities()) {
                Map<String, Long> sums = total(current, List.of(code));
                rows.add(new MunicipalityRow(code, name(code),
                        METRICS.stream().map(metric -> cell(metric, sums, 1, true)).toList()));
            }
        }
        return new View(scope, from, to, previous[0], previous[1], columns, lines, topics, areas, devices, invoiced,
                assessments, followed, rows, scopes, sqlTime);
    }

    /**
     * The sub-keys of {@code metric:<key>} in any column, each with its cells: the sums of
     * {@code metric:<key>} as the line {@code line} shows its sums, suppressed like it.
     */
    private static Map<String, List<Cell>> breakdown(List<Map<String, Long>> totals, String metric, String line,
            int others, boolean own) {
        String prefix = metric + ":";
        Map<String, List<Cell>> rows = new TreeMap<>();
        totals.forEach(column -> column.keySet().stream().filter(key -> key.startsWith(prefix))
                .forEach(key -> rows.put(key.substring(prefix.length()), new ArrayList<>())));
        rows.forEach((key, cells) -> {
            for (int column = 0; column < totals.size(); column++) {
                boolean othersColumn = column == 3;
                cells.add(cell(line, Map.of(metric, totals.get(column).getOrDefault(prefix + key, 0L)),
                        othersColumn ? others : 1, othersColumn || !own));
            }
        });
        return rows;
    }

    /**
     * What a scope's figures are summed from: its municipalities' codes, and for a region (or the
     * platform) its own invoices as payer.
     */
    private List<String> summed(Scope scope) {
        List<String> keys = new ArrayList<>(scope.municipalities());
        switch (scope.kind()) {
            case "region" -> keys.add(scope.key());
            case "platform" -> referenceData.regions().forEach(region -> keys.add(DashboardFigures.regionKey(region.code())));
            default -> {
            }
        }
        return keys;
    }

    /** The scopes the user may look at, her default first. */
    private List<Scope> scopes(CurrentUser user) {
        List<Municipality> all = referenceData.municipalities();
        if (user.has(Role.MUNICIPAL_CASEWORKER) && user.municipalityCode() != null
                && !user.hasAny(Role.FSC_ADMIN, Role.REGION_ANALYST, Role.FINANCE)) {
            String code = user.municipalityCode();
            return List.of(new Scope("municipality:" + code, "municipality", name(code), List.of(code)));
        }
        List<Scope> scopes = new ArrayList<>();
        referenceData.regions().stream()
                .sorted((a, b) -> a.code().equals(user.regionCode()) ? -1 : b.code().equals(user.regionCode()) ? 1 : 0)
                .forEach(region -> scopes.add(new Scope("region:" + region.code(), "region", region.name(),
                        all.stream().filter(m -> m.regionCode().equals(region.code())).map(Municipality::code).toList())));
        scopes.add(new Scope("platform", "platform", "", all.stream().map(Municipality::code).toList()));
        referenceData.clusters().forEach(cluster -> scopes.add(new Scope("cluster:" + cluster.name(), "cluster",
                cluster.name(), cluster.municipalityCodes())));
        all.forEach(m -> scopes.add(new Scope("municipality:" + m.code(), "municipality", m.name(), List.of(m.code()))));
        return scopes;
    }

    private String name(String code) {
        return referenceData.municipalities().stream().filter(m -> m.code().equals(code)).map(Municipality::name)
                .findFirst().orElse(code);
    }

    private static Map<String, Long> total(Map<String, Map<String, Long>> sums, List<String> municipalities) {
        Map<String, Long> total = new HashMap<>();
        municipalities.forEach(code -> sums.getOrDefault(code, Map.of()).forEach((k, v) -> total.merge(k, v, Long::sum)));
        return total;
    }

    /** A metric of summed figures divided by {@code over} (the number of municipalities of an average). */
    static Cell cell(String metric, Map<String, Long> sums, int over, boolean suppress) {
        BigDecimal value = switch (metric) {
            case "leadTimeDays" -> ratio(sums.getOrDefault("leadMinutesSum", 0L), sums.getOrDefault("deliveredOrders", 0L) * 24 * 60);
            case "costKroner" -> kroner(sums.getOrDefault("costOre", 0L), over);
            case "costPerCitizenKroner" -> sums.getOrDefault("citizensOrdering", 0L) == 0 ? null
                    : kroner(sums.getOrDefault("costOre", 0L), sums.get("citizensOrdering"));
            case "awaitingAgeDays" -> ratio(sums.getOrDefault("awaitingAgeDaysSum", 0L), sums.getOrDefault("awaitingApproval", 0L));
            case "acknowledgeMinutes" -> ratio(sums.getOrDefault("acknowledgeSecondsSum", 0L), sums.getOrDefault("alarmsClosed", 0L) * 60);
            case "closeMinutes" -> ratio(sums.getOrDefault("closeSecondsSum", 0L), sums.getOrDefault("alarmsClosed", 0L) * 60);
            case "adherencePercent" -> ratio(sums.getOrDefault("dosesTaken", 0L) * 100, sums.getOrDefault("dosesDue", 0L));
            case "invoicedKroner" -> kroner(sums.getOrDefault("invoicedOre", 0L), over);
            case "assessmentsFollowedPercent" -> ratio(sums.getOrDefault("assessmentsFollowed", 0L) * 100,
                    sums.getOrDefault("assessments", 0L));
            default -> BigDecimal.valueOf(sums.getOrDefault(metric, 0L)).divide(BigDecimal.valueOf(over),
                    over == 1 ? 0 : 1, RoundingMode.HALF_UP);
        };
        BigDecimal citizens = DashboardFigures.CITIZEN_COUNTS.contains(metric) ? value
                : metric.equals("costPerCitizenKroner") ? BigDecimal.valueOf(sums.getOrDefault("citizensOrdering", 0L))
                : metric.equals("assessmentsFollowedPercent") ? BigDecimal.valueOf(sums.getOrDefault("assessments", 0L))
                : null;
        boolean suppressed = suppress && value != null && citizens != null
                && citizens.signum() > 0 && citizens.compareTo(BigDecimal.valueOf(SUPPRESS_BELOW)) < 0;
        return suppressed ? new Cell(null, true) : new Cell(value, false);
    }

    private static BigDecimal kroner(long ore, long over) {
        return BigDecimal.valueOf(ore).divide(BigDecimal.valueOf(over * 100), 2, RoundingMode.HALF_UP);
    }

    private static @Nullable BigDecimal ratio(long sum, long count) {
        return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }

    /** The chosen days, both included; the month before {@code today} when none are chosen. */
    static LocalDate[] period(@Nullable String fromText, @Nullable String toText, LocalDate today) {
        if ((fromText == null || fromText.isBlank()) && (toText == null || toText.isBlank())) {
            LocalDate first = today.withDayOfMonth(1).minusMonths(1);
            return new LocalDate[] { first, first.plusMonths(1).minusDays(1) };
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = date(fromText, "from", errors);
        LocalDate to = date(toText, "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(FieldError.of("to", "statistics.error.endsBeforeStartDate"));
        } else if (from != null && to != null && ChronoUnit.DAYS.between(from, to) > 3 * 366) {
            errors.add(FieldError.of("to", "statistics.error.periodTooLong"));
        }
        if (!errors.isEmpty() || from == null || to == null) {
            throw new InvalidInputException("The period is not valid.", errors);
        }
        return new LocalDate[] { from, to };
    }

    /** The period just before: the same number of whole months when the period is whole months, else of days. */
    static LocalDate[] previous(LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1) {
            long months = ChronoUnit.MONTHS.between(from, to.plusDays(1));
            return new LocalDate[] { from.minusMonths(months), from.minusDays(1) };
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new LocalDate[] { from.minusDays(days), from.minusDays(1) };
    }

    private static @Nullable LocalDate date(@Nullable String text, String field, List<FieldError> errors) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "statistics.error.date"));
            return null;
        }
    }
}
