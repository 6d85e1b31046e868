package dk.fsc.grants.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductArea;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.jobs.Job;
import dk.fsc.jobs.ScheduledJob;
import dk.fsc.reference.MunicipalityCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The days on which each citizen has a grant in force in each product area, per paying
 * municipality ({@code grants.area_span}): what {@link dk.fsc.grants.Grants#citizensWithGrantPerArea}
 * counts with one scan of a table without joins, instead of joining every grant with its lines
 * and counting distinct citizens. A write of a citizen's grants calls {@link #refresh} in its
 * transaction; the whole table is built on the first start after its migration and again by the
 * job {@value #REBUILD_JOB} (from the jobs page, e.g. after grants were written outside the
 * module).
 */
@Component
class AreaSpans {

    static final String REBUILD_JOB = "grants-rebuild-area-spans";
    private static final Logger log = LoggerFactory.getLogger(AreaSpans.class);
    private static final int BATCH = 10_000;
    private static final String LINES = """
            select g.citizen_id, g.municipality_code, g.valid_from, g.valid_to, g.ends_on, g.transition_from,
                   g.transition_paid_by, l.area_code, l.group_code, l.product_id
            from grants.citizen_grant g join grants.grant_line l on l.grant_id = g.id and not l.removed""";

    /** A grant's line as far as the spans need it: when the grant is in force, who pays, what the line covers. */
    record LineInForce(UUID citizenId, String municipality, LocalDate validFrom, @Nullable LocalDate validTo,
            @Nullable LocalDate endsOn, @Nullable LocalDate transitionFrom, @Nullable String transitionPaidBy,
            @Nullable String areaCode, @Nullable String groupCode, @Nullable UUID productId) {

        /** The first day the grant is no longer in force, or null while it runs on. */
        @Nullable LocalDate until() {
            LocalDate afterValid = validTo == null ? null : validTo.plusDays(1);
            if (afterValid == null || endsOn != null && endsOn.isBefore(afterValid)) {
                return endsOn;
            }
            return afterValid;
        }
    }

    /** Days {@code [fromDay, untilDay)} (open when {@code untilDay} is null) with a grant in the area paid by {@code paidBy}. */
    record Span(UUID citizenId, String areaCode, String paidBy, LocalDate fromDay, @Nullable LocalDate untilDay) {
    }

    private final JdbcClient jdbc;
    private final Assortment assortment;

    AreaSpans(JdbcClient jdbc, Assortment assortment) {
        this.jdbc = jdbc;
        this.assortment = assortment;
    }

    /** Rebuilds the citizen's spans from her grants as they stand in the current transaction. */
    void refresh(UUID citizenId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("grant-area-spans:" + citizenId)
                .query().singleRow();
        List<LineInForce> lines = jdbc.sql(LINES + " where g.citizen_id = ?").param(citizenId).query(AreaSpans::line)
                .list();
        jdbc.sql("delete from grants.area_span where citizen_id = ?").param(citizenId).update();
        insert(spans(lines, areaOf(lines)));
    }

    /**
     * Rebuilds every citizen's spans. Holds the table against every {@link #refresh} until it
     * commits, so a grant written meanwhile is refreshed after it, from the grants as they then stand.
     */
    @Transactional
    public void rebuildAll() {
        rebuildAll(BATCH);
    }

    /**
     * {@link #rebuildAll()} reading at most {@code batch} grant lines at a time, in citizen order, so
     * the memory it needs does not grow with the platform: a batch's last citizen, whose lines may go
     * on in the next batch, is left to that one.
     */
    void rebuildAll(int batch) {
        long start = System.nanoTime();
        jdbc.sql("lock table grants.area_span in exclusive mode").update();
        jdbc.sql("delete from grants.area_span").update();
        long lines = 0;
        long spans = 0;
        @Nullable UUID after = null;
        while (true) {
            List<LineInForce> read = jdbc.sql(LINES + " where ?::uuid is null or g.citizen_id > ?"
                    + " order by g.citizen_id limit ?").params(after, after, batch).query(AreaSpans::line).list();
            List<LineInForce> whole = read;
            if (read.size() == batch) {
                UUID last = read.getLast().citizenId();
                whole = read.stream().filter(line -> !line.citizenId().equals(last)).toList();
                if (whole.isEmpty()) {
                    throw new IllegalStateException("A citizen has " + batch + " grant lines or more:"
                            + " rebuild with larger batches");
                }
            }
            List<Span> built = spans(whole, areaOf(whole));
            insert(built);
            lines += whole.size();
            spans += built.size();
            if (read.size() < batch) {
                break;
            }
            after = whole.getLast().citizenId();
        }
        jdbc.sql("update grants.area_span_state set built = true").update();
        log.info("Rebuilt {} spans of citizens' grants per product area from {} grant lines in {} ms", spans, lines,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Builds the spans on the first start after their migration; a second instance waits and finds them built. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void buildIfNeeded() {
        if (!jdbc.sql("select built from grants.area_span_state for update").query(Boolean.class).single()) {
            rebuildAll();
        }
    }

    /** Per area code, per municipality paying on {@code day}, the citizens with a grant in the area in force that day. */
    Map<String, Map<MunicipalityCode, Long>> count(LocalDate day) {
        Map<String, Map<MunicipalityCode, Long>> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select area_code, paid_by, count(*) from grants.area_span
                where from_day <= :day and (until_day is null or until_day > :day)
                group by 1, 2 order by 1, 2""")
                .param("day", day)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString(1), area -> new LinkedHashMap<>())
                            .put(new MunicipalityCode(rs.getString(2)), rs.getLong(3));
                });
        return counts;
    }

    /**
     * The spans of the citizens' lines: each grant's days split at a move's transition between the
     * municipality that granted it and the one paying meanwhile, then merged per citizen, area and
     * payer, so overlapping or adjacent grants make one span. A line whose area, group or product
     * the assortment does not know counts nowhere.
     */
    static List<Span> spans(List<LineInForce> lines, Function<LineInForce, Optional<String>> areaOf) {
        record Key(UUID citizenId, String areaCode, String paidBy) {
        }
        Map<Key, List<Span>> pieces = new LinkedHashMap<>();
        for (LineInForce line : lines) {
            Optional<String> area = areaOf.apply(line);
            LocalDate until = line.until();
            if (area.isEmpty() || until != null && !until.isAfter(line.validFrom())) {
                continue;
            }
            LocalDate switchDay = line.transitionFrom();
            if (switchDay == null || switchDay.isAfter(line.validFrom())) {
                LocalDate end = switchDay == null || until != null && !switchDay.isBefore(until) ? until : switchDay;
                pieces.computeIfAbsent(new Key(line.citizenId(), area.get(), line.municipality()), k -> new ArrayList<>())
                        .add(new Span(line.citizenId(), area.get(), line.municipality(), line.validFrom(), end));
            }
            if (switchDay != null && line.transitionPaidBy() != null && (until == null || switchDay.isBefore(until))) {
                LocalDate start = switchDay.isAfter(line.validFrom()) ? switchDay : line.validFrom();
                pieces.computeIfAbsent(new Key(line.citizenId(), area.get(), line.transitionPaidBy()),
                        k -> new ArrayList<>())
                        .add(new Span(line.citizenId(), area.get(), line.transitionPaidBy(), start, until));
            }
        }
        List<Span> merged = new ArrayList<>();
        pieces.values().forEach(spans -> merged.addAll(merge(spans)));
        return merged;
    }

    private static List<Span> merge(List<Span> spans) {
        List<Span> sorted = spans.stream().sorted(Comparator.comparing(Span::fromDay)).toList();
        List<Span> merged = new ArrayList<>();
        Span open = sorted.getFirst();
        for (Span next : sorted.subList(1, sorted.size())) {
            if (open.untilDay() != null && open.untilDay().isBefore(next.fromDay())) {
                merged.add(open);
                open = next;
            } else if (open.untilDay() != null && (next.untilDay() == null || next.untilDay().isAfter(open.untilDay()))) {
                open = new Span(open.citizenId(), open.areaCode(), open.paidBy(), open.fromDay(), next.untilDay());
            }
        }
        merged.add(open);
        return merged;
    }

    /** The area of a line: its own, its group's, or its product's, as the assortment places them. */
    private Function<LineInForce, Optional<String>> areaOf(List<LineInForce> lines) {
        Set<String> areas = new HashSet<>();
        Map<String, String> areaOfGroup = new HashMap<>();
        for (ProductArea area : assortment.areas()) {
            areas.add(area.code());
            area.groups().forEach(group -> areaOfGroup.put(group.code(), area.code()));
        }
        Map<UUID, String> areaOfProduct = assortment.products(lines.stream().map(LineInForce::productId)
                        .filter(Objects::nonNull).map(ProductId::new).collect(Collectors.toSet()))
                .values().stream().collect(Collectors.toMap(product -> product.id().value(), ProductView::areaCode));
        return line -> {
            if (line.areaCode() != null) {
                return Optional.of(line.areaCode()).filter(areas::contains);
            }
            return Optional.ofNullable(line.groupCode() != null ? areaOfGroup.get(line.groupCode())
                    : areaOfProduct.get(line.productId()));
        };
    }

    private void insert(List<Span> spans) {
        if (spans.isEmpty()) {
            return;
        }
        jdbc.sql("insert into grants.area_span (citizen_id, area_code, paid_by, from_day, until_day)"
                + " select * from unnest(?::uuid[], ?::text[], ?::text[], ?::date[], ?::date[])")
                .params(spans.stream().map(Span::citizenId).toArray(UUID[]::new),
                        spans.stream().map(Span::areaCode).toArray(String[]::new),
                        spans.stream().map(Span::paidBy).toArray(String[]::new),
                        spans.stream().map(span -> span.fromDay().toString()).toArray(String[]::new),
                        spans.stream().map(span -> Objects.toString(span.untilDay(), null)).toArray(String[]::new))
                .update();
    }

    private static LineInForce line(ResultSet rs, int row) throws SQLException {
        return new LineInForce(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, UUID.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class RebuildJob {

        @Bean
        Job grantsRebuildAreaSpans(AreaSpans spans) {
            return new ScheduledJob(REBUILD_JOB, "-", tick -> spans.rebuildAll());
        }
    }
}
