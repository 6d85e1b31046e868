package dk.fsc.statistics.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
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

    /** The key a region's own invoices are summed under, beside the municipalities' codes. */
    static String regionKey(String regionCode) {
        return "region:" + regionCode;
    }

    private final JdbcClient jdbc;

    DashboardFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Raw sums per municipality code for the days {@code from} to {@code to}, both included: the
     * whole months from the monthly pre-aggregates, the days before and after them from the facts.
     */
    Map<String, Map<String, Long>> sums(LocalDate from, LocalDate to) {
        Map<String, Map<String, Long>> sums = new HashMap<>();
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterMonths = to.plusDays(1).withDayOfMonth(1);
        List<LocalDate[]> days = new ArrayList<>();
        if (!firstMonth.isBefore(afterMonths)) {
            days.add(new LocalDate[] { from, to });
        } else {
            collect(sums, """
                    select municipality, metric, sum(value) from statistics.monthly_figure
                    where month >= ? and month < ? group by 1, 2""", Date.valueOf(firstMonth), Date.valueOf(afterMonths));
            if (from.isBefore(firstMonth)) {
                days.add(new LocalDate[] { from, firstMonth.minusDays(1) });
            }
            if (!to.isBefore(afterMonths)) {
                days.add(new LocalDate[] { afterMonths, to });
            }
        }
        for (LocalDate[] part : days) {
            collect(sums, """
                    select municipality, metric, sum(value) from statistics.fact_figure
                    where day between ? and ? group by 1, 2""", Date.valueOf(part[0]), Date.valueOf(part[1]));
        }
        citizensOrdering(sums, firstMonth, afterMonths, days);
        collect(sums, """
                select municipality, 'citizensWithGrants', count(*) from (
                    select municipality, citizen_id from statistics.grant_fact
                    where made_on <= ? and (ends_on is null or ends_on > ?) group by 1, 2) g
                group by municipality""",
                Date.valueOf(to), Date.valueOf(to));
        devicesInUse(sums, from, to);
        collect(sums, """
                select a.municipality, v.metric, sum(v.value) from statistics.assessment_fact a
                cross join lateral (values ('assessments', 1), ('assessments:' || a.recommended || '/' || a.chosen, 1),
                    ('assessmentsFollowed', case when a.recommended = a.chosen then 1 else 0 end)) v (metric, value)
                where a.made_on between ? and ? group by 1, 2""", Date.valueOf(from), Date.valueOf(to));
        collect(sums, """
                select 'region:' || f.payer_code, v.metric, sum(v.value) from statistics.invoice_fact f
                join statistics.invoice_amount a on a.document_id = f.document_id
                cross join lateral (values ('invoicedOre', a.amount_ore), ('invoicedOre:' || a.kind, a.amount_ore)) v (metric, value)
                where f.payer_kind = 'REGION' and f.issued_on between ? and ? group by 1, 2""",
                Date.valueOf(from), Date.valueOf(to));
        return sums;
    }

    /**
     * Leases that ran on a day of the period ({@code devicesInUse}, also per model and service
     * level on the period's last day as {@code devicesInUse:<model id>/<services>}) and those still
     * running on its last day ({@code devicesAtEnd}): states over days, so counted for each period.
     */
    private void devicesInUse(Map<String, Map<String, Long>> sums, LocalDate from, LocalDate to) {
        collect(sums, """
                select l.municipality, v.metric, sum(v.value) from statistics.lease_fact l
                cross join lateral (select coalesce(
                    (select s.services from statistics.lease_services s where s.lease_id = l.lease_id and s.from_day <= ?
                     order by s.from_day desc limit 1),
                    (select s.services from statistics.lease_services s where s.lease_id = l.lease_id
                     order by s.from_day limit 1), '') as services) s
                cross join lateral (values ('devicesInUse', 1),
                    ('devicesInUse:' || l.model_id || '/' || s.services, 1),
                    ('devicesAtEnd', case when l.ends_on is null or l.ends_on >= ? then 1 else 0 end)) v (metric, value)
                where l.starts_on <= ? and (l.ends_on is null or l.ends_on >= ?) group by 1, 2""",
                Date.valueOf(to), Date.valueOf(to), Date.valueOf(to), Date.valueOf(from));
    }

    /**
     * Citizens who ordered at least once: in the whole months from the months each ordered in a
     * year (one row a citizen and year), in the other days from the orders; each counted once.
     */
    private void citizensOrdering(Map<String, Map<String, Long>> sums, LocalDate firstMonth, LocalDate afterMonths,
            List<LocalDate[]> days) {
        List<Integer> years = new ArrayList<>();
        List<Integer> masks = new ArrayList<>();
        for (LocalDate month = firstMonth; month.isBefore(afterMonths); month = month.plusMonths(1)) {
            if (years.isEmpty() || years.getLast() != month.getYear()) {
                years.add(month.getYear());
                masks.add(0);
            }
            masks.set(masks.size() - 1, masks.getLast() | 1 << (month.getMonthValue() - 1));
        }
        StringBuilder sql = new StringBuilder("""
                select municipality, 'citizensOrdering', count(*) from (
                    select municipality, citizen_id from statistics.citizen_order_year c
                    join unnest(?::int[], ?::int[]) p (year, mask) on c.year = p.year and c.months & p.mask <> 0""");
        List<Object> params = new ArrayList<>(List.of(years.toArray(Integer[]::new), masks.toArray(Integer[]::new)));
        for (LocalDate[] part : days) {
            sql.append(" union select municipality, citizen_id from statistics.order_fact where order_date between ? and ?");
            params.add(Date.valueOf(part[0]));
            params.add(Date.valueOf(part[1]));
        }
        collect(sums, sql.append(") c group by municipality").toString(), params.toArray());
    }

    /** Orders awaiting approval on {@code today} per municipality, and the sum of their ages in days. */
    Map<String, Map<String, Long>> awaiting(LocalDate today) {
        Map<String, Map<String, Long>> sums = new HashMap<>();
        collect(sums, """
                select municipality, metric, value from statistics.order_fact,
                    lateral (values ('awaitingApproval', 1), ('awaitingAgeDaysSum', ? - order_date)) v (metric, value)
                where status = 'AWAITING_APPROVAL'""", Date.valueOf(today));
        return sums;
    }

    private void collect(Map<String, Map<String, Long>> sums, String sql, Object... params) {
        jdbc.sql(sql).params(params).query(rs -> {
            sums.computeIfAbsent(rs.getString(1), code -> new HashMap<>()).merge(rs.getString(2), rs.getLong(3), Long::sum);
        });
    }
}
