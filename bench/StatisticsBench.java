import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A municipality's statistics dashboard over a year of national-scale data. Writes the
 * statistics module's projections over JDBC as the events of the other modules would have
 * written them (once per data directory): CITIZENS citizens spread over every municipality, each
 * with a grant, an order a month for two years (the year shown and the year before, which the
 * dashboard compares with), delivered two days later, a support contact a quarter and a work
 * order a year, a dispenser leased to one citizen in five with its alarms, the municipalities'
 * doses per day and their monthly invoices; then builds the monthly pre-aggregates from them with the function the rebuild
 * job uses (the listeners keep them up event by event). The same grants go into the grants module's tables, whose
 * per-area spans its rebuild job then builds through the jobs API. Then logs in as Aarhus's caseworker through the login form and opens
 * /statistics for 2026 RUNS times: the page's time as the client sees it beside the time of its
 * SQL alone, which the page reports in its Server-Timing header.
 *
 * Usage: java -cp postgresql.jar bench/StatisticsBench.java PORT DBPORT CITIZENS RUNS
 */
public class StatisticsBench {

    private static final Pattern SQL = Pattern.compile("sql;.*dur=([0-9.]+)");
    private static final String PASSWORD_BENCH = "{bcrypt}$2b$10$OzGCYeoKnkVFYh.EjCNiGu82haNbbafd.R9KzENQm5zoJxZ7DFah2";

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:" + args[0];
        int citizens = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + args[1] + "/fsc?user=postgres");
                Statement sql = db.createStatement()) {
            sql.execute("insert into identity.app_user (username, display_name, password_hash, municipality_code) values"
                    + " ('bench-cw-751', 'Bench caseworker 751', '" + PASSWORD_BENCH + "', '751') on conflict do nothing");
            sql.execute("insert into identity.user_role values ('bench-cw-751', 'MUNICIPAL_CASEWORKER') on conflict do nothing");
            if (count(sql, "select count(*) from statistics.grant_fact") < citizens) {
                long start = System.nanoTime();
                sql.execute("""
                        create temporary table bench_citizen as
                        select gen_random_uuid() as citizen_id, m.code as municipality
                        from generate_series(1, %d) n
                        join (select code, row_number() over (order by code) - 1 as i, count(*) over () as total
                              from reference.municipality) m on m.i = n %% m.total""".formatted(citizens));
                sql.execute("""
                        insert into statistics.grant_fact
                        select gen_random_uuid(), citizen_id, municipality, date '2024-06-01', null from bench_citizen""");
                sql.execute("""
                        insert into statistics.order_fact
                        select gen_random_uuid(), citizen_id, municipality, d::date, 'DELIVERED', 2 + (random() * 3)::int,
                            d + interval '2 days 10 hours'
                        from bench_citizen, generate_series(date '2025-01-03', date '2026-12-03', interval '1 month') d""");
                sql.execute("""
                        insert into statistics.contact_fact
                        select gen_random_uuid(), 1, 'MUNICIPALITY', municipality,
                            (array['ORDERING','DELIVERY','PRODUCT_QUESTION','COMPLAINT'])[1 + (random() * 3)::int], 3 + (random() * 10)::int, d::date
                        from bench_citizen, generate_series(date '2025-02-10', date '2026-11-10', interval '3 months') d""");
                sql.execute("""
                        insert into statistics.work_order_fact
                        select gen_random_uuid(), municipality, 'SETUP', 30 + (random() * 60)::int, random() < 0.05, d::date
                        from bench_citizen, generate_series(date '2025-05-20', date '2026-05-20', interval '1 year') d""");
                System.out.printf("wrote the projections of %,d citizens in %,d ms%n", citizens, (System.nanoTime() - start) / 1_000_000);
                start = System.nanoTime();
                sql.execute("select statistics.rebuild_monthly_figures()");
                sql.execute("analyze statistics.grant_fact, statistics.order_fact, statistics.contact_fact, statistics.work_order_fact,"
                        + " statistics.monthly_figure, statistics.citizen_order_year");
                System.out.printf("built the monthly pre-aggregates from them (what the listeners keep up event by event) in %,d ms%n",
                        (System.nanoTime() - start) / 1_000_000);
            }
            if (count(sql, "select count(*) from statistics.invoice_amount") == 0) {
                long start = System.nanoTime();
                db.setAutoCommit(false);
                moduleFigures(sql);
                db.commit();
                db.setAutoCommit(true);
                System.out.printf("wrote leases, alarms, doses and invoices and rebuilt the pre-aggregates in %,d ms%n",
                        (System.nanoTime() - start) / 1_000_000);
            }
            if (count(sql, "select count(*) from grants.citizen_grant where created_by = 'bench'") == 0) {
                long start = System.nanoTime();
                sql.execute("""
                        insert into grants.citizen_grant (id, citizen_id, municipality_code, valid_from, revision, created_at, created_by)
                        select grant_id, citizen_id, municipality, made_on, 1, now(), 'bench' from statistics.grant_fact""");
                sql.execute("""
                        insert into grants.grant_line (id, grant_id, position, group_code, quantity, period)
                        select gen_random_uuid(), id, 1, 'STOMA_BASEPLATE', 3, 'MONTH' from grants.citizen_grant
                        where created_by = 'bench'""");
                sql.execute("analyze grants.citizen_grant, grants.grant_line");
                System.out.printf("wrote the same grants into the grants module's tables (the dashboard counts citizens with a"
                        + " grant per product area through its API) in %,d ms%n", (System.nanoTime() - start) / 1_000_000);
                start = System.nanoTime();
                HttpResponse<String> rebuilt = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(base + "/api/v1/jobs/grants-rebuild-area-spans/run"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes()))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (rebuilt.statusCode() != 200) {
                    throw new IllegalStateException("the rebuild job answered " + rebuilt.statusCode() + ": " + rebuilt.body());
                }
                sql.execute("analyze grants.area_span");
                System.out.printf("built the grants' spans per citizen and product area from them (the job %s, through the"
                        + " API; grants made in the platform keep them up themselves) in %,d ms%n",
                        "grants-rebuild-area-spans", (System.nanoTime() - start) / 1_000_000);
            }
            System.out.printf("rows: %,d orders, %,d grants, %,d contacts, %,d work orders, %,d leases, %,d alarms,"
                    + " %,d municipality-days of doses, %,d invoices in %d municipalities%n",
                    count(sql, "select count(*) from statistics.order_fact"), count(sql, "select count(*) from statistics.grant_fact"),
                    count(sql, "select count(*) from statistics.contact_fact"),
                    count(sql, "select count(*) from statistics.work_order_fact"),
                    count(sql, "select count(*) from statistics.lease_fact"),
                    count(sql, "select count(*) from statistics.alarm_fact"),
                    count(sql, "select count(*) from statistics.dose_fact"),
                    count(sql, "select count(*) from statistics.invoice_fact"),
                    count(sql, "select count(*) from reference.municipality"));
        }

        HttpClient client = FormLogin.logIn(base, "bench-cw-751", "bench");

        URI page = URI.create(base + "/statistics?from=2026-01-01&to=2026-12-31");
        List<Double> pages = new ArrayList<>();
        List<Double> sqls = new ArrayList<>();
        for (int run = 0; run < runs + 2; run++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(page).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            double millis = (System.nanoTime() - start) / 1e6;
            Matcher timing = SQL.matcher(answer.headers().firstValue("Server-Timing").orElse(""));
            if (answer.statusCode() != 200 || !timing.find() || !answer.body().contains("Gennemsnit af de andre kommuner")) {
                throw new IllegalStateException("the dashboard answered " + answer.statusCode());
            }
            if (run >= 2) {
                pages.add(millis);
                sqls.add(Double.parseDouble(timing.group(1)));
            }
        }
        System.out.println("Aarhus's dashboard for 2026 (beside 2025 as the previous period and as the same period last year, and the others' average), "
                + runs + " runs after 2 warm-up runs");
        System.out.printf("page (client, ms): %s  median %.1f%n", pages.stream().map(m -> "%.0f".formatted(m)).toList(), median(pages));
        System.out.printf("its SQL alone (Server-Timing, ms): %s  median %.1f%n",
                sqls.stream().map(m -> "%.0f".formatted(m)).toList(), median(sqls));
    }

    /**
     * The projections of the devices', alarms' and invoicing's events: a dispenser leased to one
     * citizen in five (one in ten of those ended), an alarm a fortnight per lease, each
     * municipality's doses of every day, and a monthly invoice per municipality with five kinds;
     * then the pre-aggregates rebuilt. In one transaction, after what an interrupted run left.
     */
    private static void moduleFigures(Statement sql) throws Exception {
        sql.execute("truncate statistics.lease_fact, statistics.lease_services, statistics.alarm_fact, statistics.dose_fact,"
                + " statistics.invoice_amount, statistics.invoice_fact");
        sql.execute("""
                create temporary table bench_lease as
                select gen_random_uuid() as lease_id, municipality,
                    ('b0000000-0000-4000-8000-00000000004' || (random() * 2)::int)::uuid as model_id,
                    date '2025-01-01' + (random() * 500)::int as starts_on
                from statistics.grant_fact where random() < 0.2""");
        sql.execute("""
                insert into statistics.lease_fact
                select lease_id, municipality, model_id, starts_on, case when random() < 0.1 then starts_on + 200 end
                from bench_lease""");
        sql.execute("""
                insert into statistics.lease_services
                select lease_id, starts_on, (array['', 'REFILL', 'ALARM,REFILL'])[1 + (random() * 2)::int], now()
                from bench_lease""");
        sql.execute("""
                insert into statistics.alarm_fact
                select gen_random_uuid(), municipality, 'MISSED_DOSE', t, t, t + interval '12 minutes', t + interval '55 minutes'
                from bench_lease, generate_series(timestamptz '2025-01-05 08:30+01', timestamptz '2026-12-20 08:30+01',
                    interval '15 days') t
                where t > starts_on""");
        sql.execute("""
                insert into statistics.dose_fact
                select gen_random_uuid(), code, d::date, 4 * n, 4 * n - n / 10, n / 10, now()
                from (select municipality as code, count(*) as n from bench_lease group by 1) m,
                    generate_series(date '2025-01-01', date '2026-12-31', interval '1 day') d""");
        sql.execute("""
                create temporary table bench_invoice as
                select gen_random_uuid() as document_id, code, d::date as month, row_number() over () as number
                from reference.municipality, generate_series(date '2025-01-01', date '2026-11-01', interval '1 month') d""");
        sql.execute("""
                insert into statistics.invoice_fact
                select document_id, 'INVOICE', number, 'MUNICIPALITY', code, month, (month + interval '1 month 2 days')::date,
                    0, 0
                from bench_invoice""");
        sql.execute("""
                insert into statistics.invoice_amount
                select document_id, kind, 100000 + (random() * 1000000)::bigint
                from bench_invoice, unnest(array['PRODUCT', 'DELIVERY', 'SUPPORT', 'WORK_ORDER', 'DEVICE_LEASE']) kind""");
        sql.execute("select statistics.rebuild_monthly_figures()");
        sql.execute("analyze statistics.lease_fact, statistics.lease_services, statistics.alarm_fact, statistics.dose_fact,"
                + " statistics.invoice_fact, statistics.invoice_amount, statistics.monthly_figure");
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
