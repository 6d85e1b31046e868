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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductArea;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.grants.Grants;
import dk.fsc.devices.NeedLevel;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.invoicing.ChargeKind;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.support.CallService;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
    /** Per product area: citizens with a grant in it at the period's end (grants' API), consumption and cost. */
    static final List<String> AREA_METRICS = List.of("grantCitizens", "itemsDelivered", "costKroner",
            "itemsPerGrantCitizen", "costPerGrantCitizenKroner");
    static final List<String> TOPIC_METRICS = List.of("contacts", "contactMinutes");
    static final List<String> CALL_METRICS = List.of("callsOffered", "callsAnswered", "callsAnsweredInTimePercent",
            "callsAbandonedPercent", "callsAverageWaitSeconds");

    /** A value, or suppressed (fewer than 5 citizens), or null when it cannot be given (no deliveries, not now). */
    public record Cell(@Nullable BigDecimal value, boolean suppressed) {
    }

    public record Line(String metric, List<Cell> cells) {
    }

    public record Scope(String key, String kind, String name, List<String> municipalities) {
    }

    public record MunicipalityRow(String code, String name, List<Cell> cells) {
    }

    /**
     * One measure per product area (as the assortment places each product) or per support topic,
     * in the same columns as the lines.
     *
     * @param by area or topic
     */
    public record Breakdown(String metric, String by, List<BreakdownRow> rows) {
    }

    public record BreakdownRow(String key, String name, List<Cell> cells) {
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
     * The telephone service of the whole service center in each period against the targets set now
     * (calls are no municipality's: the others' column stays empty).
     *
     * @param answeredTargetPercent the share of calls to answer within {@code targetSeconds}
     * @param abandonedMaxPercent   the share of calls that may be abandoned
     */
    public record Calls(int targetSeconds, BigDecimal answeredTargetPercent, BigDecimal abandonedMaxPercent,
            List<Line> lines) {
    }

    /**
     * @param columns        current, previous, lastYear and, for one municipality, others
     * @param devices        devices in use per model and service level, in the same columns
     * @param invoiced       amounts invoiced per kind (issue date in the period), in the same columns
     * @param assessments    needs assessments per recommended and chosen step, in the same columns
     * @param followed       the percentage of the assessments whose chosen step was the recommended one
     * @param calls          the service center's calls against its service targets, in the same columns
     * @param municipalities the region's view of each municipality in the scope (empty for a municipal user)
     */
    public record View(Scope scope, LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
            List<String> columns, List<Line> lines, List<Breakdown> breakdowns, List<DeviceLine> devices,
            List<KindLine> invoiced, List<AssessmentLine> assessments, List<Cell> followed, Calls calls,
            List<MunicipalityRow> municipalities,
            List<Scope> scopes, @JsonIgnore Duration sqlTime) {
    }

    private final DashboardFigures figures;
    private final ReferenceData referenceData;
    private final CurrentUsers currentUsers;
    private final Clock clock;
    private final Assortment assortment;
    private final Grants grants;
    private final CallService callService;
    private final MessageSource messages;

    Dashboards(DashboardFigures figures, ReferenceData referenceData, CurrentUsers currentUsers, Clock clock,
            Assortment assortment, Grants grants, CallService callService, MessageSource messages) {
        this.callService = callService;
        this.figures = figures;
        this.referenceData = referenceData;
        this.currentUsers = currentUsers;
        this.clock = clock;
        this.assortment = assortment;
        this.grants = grants;
        this.messages = messages;
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
        List<ProductArea> areas = assortment.areas();
        long sqlStart = System.nanoTime();
        Map<String, Map<String, Long>> current = figures.sums(from, to);
        Map<String, Map<String, Long>> before = figures.sums(previous[0], previous[1]);
        boolean previousIsLastYear = previous[0].equals(from.minusYears(1)) && previous[1].equals(to.minusYears(1));
        Map<String, Map<String, Long>> lastYear = previousIsLastYear ? copy(before)
                : figures.sums(from.minusYears(1), to.minusYears(1));
        Map<String, Map<String, Long>> awaiting = figures.awaiting(today);
        Map<LocalDate, Map<String, Map<MunicipalityCode, Long>>> counts = grantCounts(
                new HashSet<>(List.of(to, previous[1], to.minusYears(1))));
        grantCitizens(current, counts.getOrDefault(to, Map.of()));
        grantCitizens(before, counts.getOrDefault(previous[1], Map.of()));
        grantCitizens(lastYear, counts.getOrDefault(to.minusYears(1), Map.of()));
        CallService.Figures callsNow = callService.figures(from, to);
        CallService.Figures callsBefore = callService.figures(previous[0], previous[1]);
        CallService.Figures callsLastYear = previousIsLastYear ? callsBefore
                : callService.figures(from.minusYears(1), to.minusYears(1));
        Duration sqlTime = Duration.ofNanos(System.nanoTime() - sqlStart);
        awaiting.forEach((code, sums) -> current.computeIfAbsent(code, c -> new HashMap<>()).putAll(sums));

        List<String> others = own ? referenceData.municipalities().stream().map(Municipality::code)
                .filter(code -> !scope.municipalities().contains(code)).toList() : List.of();
        List<String> columns = new ArrayList<>(List.of("current", "previous", "lastYear"));
        if (!others.isEmpty()) {
            columns.add("others");
        }
        List<String> summed = summed(scope);
        List<Map<String, Long>> periods = List.of(total(current, summed), total(before, summed), total(lastYear, summed));
        Map<String, Long> ofOthers = total(current, others);
        Function<String, List<Cell>> cells = metric -> {
            List<Cell> row = new ArrayList<>();
            for (int p = 0; p < periods.size(); p++) {
                row.add(p > 0 && NOW_ONLY.contains(metric) ? new Cell(null, false) : cell(metric, periods.get(p), 1, !own));
            }
            if (!others.isEmpty()) {
                row.add(cell(metric, ofOthers, others.size(), true));
            }
            return row;
        };
        List<Line> lines = METRICS.stream().map(metric -> new Line(metric, cells.apply(metric))).toList();

        Locale locale = LocaleContextHolder.getLocale();
        Set<String> topics = keys("contacts:", periods);
        List<Breakdown> breakdowns = new ArrayList<>();
        AREA_METRICS.forEach(metric -> breakdowns.add(new Breakdown(metric, "area", areas.stream()
                .map(area -> new BreakdownRow(area.code(), area.name(locale), cells.apply(metric + ":" + area.code())))
                .toList())));
        TOPIC_METRICS.forEach(metric -> breakdowns.add(new Breakdown(metric, "topic", topics.stream()
                .map(topic -> new BreakdownRow(topic, messages.getMessage("statistics.topic." + topic, null, topic, locale),
                        cells.apply(metric + ":" + topic)))
                .toList())));
        List<Map<String, Long>> columnSums = new ArrayList<>(periods);
        columnSums.add(ofOthers);
        List<DeviceLine> devices = keys("devicesInUse:", columnSums).stream().map(key -> {
                    String[] modelAndServices = key.split("/", -1);
                    String model = assortment.product(new ProductId(UUID.fromString(modelAndServices[0])))
                            .map(ProductView::name).orElse(modelAndServices[0]);
                    return new DeviceLine(modelAndServices[0], model, modelAndServices[1].isEmpty() ? List.of()
                            : List.of(modelAndServices[1].split(",")), cells.apply("devicesInUse:" + key));
                })
                .sorted(Comparator.comparing(DeviceLine::model).thenComparing(line -> line.services().size())
                        .thenComparing(line -> String.join(",", line.services())))
                .toList();
        List<KindLine> invoiced = keys("invoicedOre:", columnSums).stream()
                .sorted(Comparator.comparing(ChargeKind::valueOf))
                .map(kind -> new KindLine(kind, cells.apply("invoicedKroner:" + kind))).toList();
        List<AssessmentLine> assessments = keys("assessments:", columnSums).stream().map(key -> {
                    String[] levels = key.split("/");
                    return new AssessmentLine(NeedLevel.valueOf(levels[0]), NeedLevel.valueOf(levels[1]),
                            cells.apply("assessments:" + key));
                })
                .sorted(Comparator.comparing(AssessmentLine::recommended).thenComparing(AssessmentLine::chosen))
                .toList();
        List<Cell> followed = cells.apply("assessmentsFollowedPercent");
        Calls calls = calls(List.of(callsNow, callsBefore, callsLastYear), !others.isEmpty());
        List<MunicipalityRow> rows = new ArrayList<>();
        if (!municipalUser) {
            for (String code : scope.municipalities()) {
                Map<String, Long> sums = total(current, List.of(code));
                rows.add(new MunicipalityRow(code, name(code),
                        METRICS.stream().map(metric -> cell(metric, sums, 1, true)).toList()));
            }
        }
        return new View(scope, from, to, previous[0], previous[1], columns, lines, breakdowns, devices, invoiced,
                assessments, followed, calls, rows, scopes, sqlTime);
    }

    /** The calls' lines in the columns of the periods, and an empty cell for the others' column if there is one. */
    private static Calls calls(List<CallService.Figures> periods, boolean othersColumn) {
        List<Map<String, Long>> sums = periods.stream().map(f -> Map.of("callsOffered", f.calls(), "callsAnswered",
                f.answered(), "callsInTime", f.answeredInTime(), "callsAbandoned", f.abandoned(), "callWaitSecondsSum",
                f.waitSeconds())).toList();
        List<Line> lines = CALL_METRICS.stream().map(metric -> {
            List<Cell> row = new ArrayList<>(sums.stream().map(period -> cell(metric, period, 1, false)).toList());
            if (othersColumn) {
                row.add(new Cell(null, false));
            }
            return new Line(metric, row);
        }).toList();
        CallService.Figures targets = periods.getFirst();
        return new Calls(targets.targetSeconds(), BigDecimal.valueOf(targets.answeredTargetPermille(), 1),
                BigDecimal.valueOf(targets.abandonedMaxPermille(), 1), lines);
    }

    /** The keys of the metrics {@code prefix<key>} summed in any of {@code sums}, sorted. */
    private static Set<String> keys(String prefix, List<Map<String, Long>> sums) {
        Set<String> keys = new TreeSet<>();
        sums.forEach(column -> column.keySet().stream().filter(metric -> metric.startsWith(prefix))
                .forEach(metric -> keys.add(metric.substring(prefix.length()))));
        return keys;
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

    /**
     * Per day and product area the citizens with a grant in it per municipality, from the grants'
     * API, each day once (a year's previous period ends where last year's does).
     */
    private Map<LocalDate, Map<String, Map<MunicipalityCode, Long>>> grantCounts(Set<LocalDate> days) {
        Map<LocalDate, Map<String, Map<MunicipalityCode, Long>>> counts = new HashMap<>();
        days.forEach(day -> counts.put(day, grants.citizensWithGrantPerArea(day)));
        return counts;
    }

    /** The sums of a year's previous period, which is last year's too, for its own column. */
    private static Map<String, Map<String, Long>> copy(Map<String, Map<String, Long>> sums) {
        Map<String, Map<String, Long>> copy = new HashMap<>();
        sums.forEach((code, metrics) -> copy.put(code, new HashMap<>(metrics)));
        return copy;
    }

    /** Adds, per municipality, the citizens with a grant in each product area as grantCitizens:AREA. */
    private static void grantCitizens(Map<String, Map<String, Long>> sums, Map<String, Map<MunicipalityCode, Long>> counts) {
        counts.forEach((area, byMunicipality) -> byMunicipality.forEach((code, count) -> sums
                .computeIfAbsent(code.value(), c -> new HashMap<>()).merge("grantCitizens:" + area, count, Long::sum)));
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

    /**
     * A metric of summed figures divided by {@code over} (the number of municipalities of an
     * average); a metric {@code name:key} is the same measure for one product area or topic.
     * Ratios (per citizen, per order) are of the sums, whatever {@code over} is.
     */
    static Cell cell(String metric, Map<String, Long> sums, int over, boolean suppress) {
        String[] split = metric.split(":", 2);
        String base = split[0];
        String key = split.length == 2 ? ":" + split[1] : "";
        long grantCitizens = sums.getOrDefault("grantCitizens" + key, 0L);
        BigDecimal value = switch (base) {
            case "leadTimeDays" -> ratio(sums.getOrDefault("leadMinutesSum", 0L), sums.getOrDefault("deliveredOrders", 0L) * 24 * 60);
            case "costKroner" -> kroner(sums.getOrDefault("costOre" + key, 0L), over);
            case "costPerCitizenKroner" -> sums.getOrDefault("citizensOrdering", 0L) == 0 ? null
                    : kroner(sums.getOrDefault("costOre", 0L), sums.get("citizensOrdering"));
            case "costPerGrantCitizenKroner" -> grantCitizens == 0 ? null
                    : kroner(sums.getOrDefault("costOre" + key, 0L), grantCitizens);
            case "itemsPerGrantCitizen" -> ratio(sums.getOrDefault("itemsDelivered" + key, 0L), grantCitizens);
            case "awaitingAgeDays" -> ratio(sums.getOrDefault("awaitingAgeDaysSum", 0L), sums.getOrDefault("awaitingApproval", 0L));
            case "acknowledgeMinutes" -> ratio(sums.getOrDefault("acknowledgeSecondsSum", 0L), sums.getOrDefault("alarmsClosed", 0L) * 60);
            case "closeMinutes" -> ratio(sums.getOrDefault("closeSecondsSum", 0L), sums.getOrDefault("alarmsClosed", 0L) * 60);
            case "adherencePercent" -> ratio(sums.getOrDefault("dosesTaken", 0L) * 100, sums.getOrDefault("dosesDue", 0L));
            case "invoicedKroner" -> kroner(sums.getOrDefault("invoicedOre" + key, 0L), over);
            case "assessmentsFollowedPercent" -> ratio(sums.getOrDefault("assessmentsFollowed", 0L) * 100,
                    sums.getOrDefault("assessments", 0L));
            case "callsAnsweredInTimePercent" -> ratio(sums.getOrDefault("callsInTime", 0L) * 100,
                    sums.getOrDefault("callsOffered", 0L));
            case "callsAbandonedPercent" -> ratio(sums.getOrDefault("callsAbandoned", 0L) * 100,
                    sums.getOrDefault("callsOffered", 0L));
            case "callsAverageWaitSeconds" -> ratio(sums.getOrDefault("callWaitSecondsSum", 0L),
                    sums.getOrDefault("callsAnswered", 0L));
            default -> BigDecimal.valueOf(sums.getOrDefault(metric, 0L)).divide(BigDecimal.valueOf(over),
                    over == 1 ? 0 : 1, RoundingMode.HALF_UP);
        };
        BigDecimal citizens = switch (base) {
            case "citizensOrdering", "citizensWithGrants", "grantCitizens", "devicesInUse", "devicesAtEnd", "assessments" -> value;
            case "costPerCitizenKroner" -> BigDecimal.valueOf(sums.getOrDefault("citizensOrdering", 0L));
            case "costPerGrantCitizenKroner", "itemsPerGrantCitizen" -> BigDecimal.valueOf(grantCitizens);
            case "assessmentsFollowedPercent" -> BigDecimal.valueOf(sums.getOrDefault("assessments", 0L));
            default -> null;
        };
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
