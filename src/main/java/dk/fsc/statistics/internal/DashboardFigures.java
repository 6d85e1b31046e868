package dk.fsc.statistics.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's raw sums per municipality for a period, computed in PostgreSQL from the
 * statistics' own projections: sums, so that any set of municipalities (a cluster, a region,
 * the platform, "the others") adds up before averages are taken.
 */
@Repository
class DashboardFigures {

    /** Counts of citizens: shown as fewer than 5 outside the municipality's own figures. */
    static final List<String> CITIZEN_COUNTS = List.of("citizensOrdering", "citizensWithGrants");

    private final JdbcClient jdbc;

    DashboardFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Raw sums per municipality code for the days {@code from} to {@code to}, both included. */
    Map<String, Map<String, Long>> sums(LocalDate from, LocalDate to) {
        Map<String, Map<String, Long>> sums = new HashMap<>();
        Date first = Date.valueOf(from);
        Date last = Date.valueOf(to);
        Date after = Date.valueOf(to.plusDays(1));
        collect(sums, """
                select municipality, count(*) as "ordersPlaced", count(distinct citizen_id) as "citizensOrdering"
                from statistics.order_fact where order_date between ? and ? group by municipality""", first, last);
        collect(sums, """
                select municipality, count(*) as "deliveredOrders", sum(items) as "itemsDelivered",
                    sum(extract(epoch from delivered_at - order_date::timestamp at time zone 'Europe/Copenhagen') / 3600)::bigint
                        as "leadHoursSum"
                from statistics.order_fact
                where delivered_at >= ?::date::timestamp at time zone 'Europe/Copenhagen'
                  and delivered_at < ?::date::timestamp at time zone 'Europe/Copenhagen'
                group by municipality""", first, after);
        collect(sums, """
                select municipality, count(distinct citizen_id) as "citizensWithGrants" from statistics.grant_fact
                where made_on <= ? and (ends_on is null or ends_on > ?) group by municipality""", last, last);
        collect(sums, """
                select payer_code as municipality, count(*) as "contacts", sum(minutes) as "contactMinutes"
                from statistics.contact_fact where payer_kind = 'MUNICIPALITY' and contact_date between ? and ?
                group by payer_code""", first, last);
        collect(sums, """
                select municipality, count(*) as "workOrders", sum(minutes) as "technicianMinutes",
                    count(*) filter (where missed_target) as "missedTargets"
                from statistics.work_order_fact where completed_on between ? and ? group by municipality""", first, last);
        return sums;
    }

    /** Orders awaiting approval on {@code today} per municipality, and the sum of their ages in days. */
    Map<String, Map<String, Long>> awaiting(LocalDate today) {
        Map<String, Map<String, Long>> sums = new HashMap<>();
        collect(sums, """
                select municipality, count(*) as "awaitingApproval", sum(? - order_date) as "awaitingAgeDaysSum"
                from statistics.order_fact where status = 'AWAITING_APPROVAL' group by municipality""",
                Date.valueOf(today));
        return sums;
    }

    /** Support contacts and minutes per topic for a set of municipalities. */
    Map<String, long[]> contactsByTopic(List<String> municipalities, LocalDate from, LocalDate to) {
        Map<String, long[]> topics = new java.util.TreeMap<>();
        jdbc.sql("""
                select topic, count(*) as contacts, sum(minutes) as minutes from statistics.contact_fact
                where payer_kind = 'MUNICIPALITY' and payer_code = any(?) and contact_date between ? and ?
                group by topic""")
                .params(municipalities.toArray(String[]::new), Date.valueOf(from), Date.valueOf(to))
                .query(rs -> {
                    topics.put(rs.getString("topic"), new long[] { rs.getLong("contacts"), rs.getLong("minutes") });
                });
        return topics;
    }

    private void collect(Map<String, Map<String, Long>> sums, String sql, Object... params) {
        jdbc.sql(sql).params(params).query(rs -> {
            Map<String, Long> figures = sums.computeIfAbsent(rs.getString("municipality"), code -> new HashMap<>());
            for (int column = 2; column <= rs.getMetaData().getColumnCount(); column++) {
                figures.put(rs.getMetaData().getColumnLabel(column), rs.getLong(column));
            }
        });
    }
}
