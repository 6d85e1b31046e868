import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Base64;

/**
 * The monthly invoice run over 1,000,000 charges (CHARGES=) for 98 municipalities and 5 regions:
 * the charges are written straight into invoicing.charge for October 2026 (the 19 municipalities
 * of Region Midtjylland and 79 synthetic ones, 900-978, plus regions 1081-1085, each with a made-up
 * EAN number), then the same rows are copied once with INSERT ... SELECT as the yardstick, and the
 * run is issued through POST /api/v1/invoice-runs against the platform started with -Xmx512m.
 * Usage: java -cp postgresql.jar bench/InvoiceRunBench.java HTTP_PORT DB_PORT CHARGES
 */
public class InvoiceRunBench {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long charges = Long.parseLong(args[2]);
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + args[1] + "/fsc?user=fsc");
                Statement sql = db.createStatement()) {
            sql.execute("create temp table payer (n int, kind text, code text)");
            sql.execute("insert into payer select row_number() over () - 1, kind, code from ("
                    + " select 'MUNICIPALITY' as kind, code from reference.municipality"
                    + " union all select 'MUNICIPALITY', g::text from generate_series(900, 978) g"
                    + " union all select 'REGION', g::text from generate_series(1081, 1085) g) p");
            long payers = count(sql, "select count(*) from payer");
            for (String row : rows(sql)) {
                String[] kindCode = row.split(":");
                String digits = "57998" + (kindCode[0].equals("MUNICIPALITY") ? "1" : "2")
                        + "%06d".formatted(Integer.parseInt(kindCode[1]));
                sql.execute("insert into invoicing.payer_account values ('" + kindCode[0] + "', '" + kindCode[1]
                        + "', '" + digits + checkDigit(digits) + "') on conflict do nothing");
            }
            long start = System.nanoTime();
            sql.execute("insert into invoicing.charge (id, source_key, kind, payer_kind, payer_code, period,"
                    + " cause_type, cause_id, citizen_id, description, quantity, quantity_unit, unit_price_ore,"
                    + " price_unit, amount_ore, price_basis, price_valid_from, vat_exempt, recorded_at)"
                    + " select gen_random_uuid(), 'bench:' || i, (array['PRODUCT','SUPPORT','WORK_ORDER','DELIVERY'])[1 + i % 4],"
                    + " p.kind, p.code, date '2026-10-01', 'ORDER', i::text, gen_random_uuid(), 'Bench', 1 + i % 5,"
                    + " 'PIECE', 1000 + i % 997, 'PIECE', (1 + i % 5) * (1000 + i % 997), 'price', date '2026-01-01',"
                    + " i % 10 = 0, now() from generate_series(1, " + charges + ") i join payer p on p.n = i % " + payers);
            System.out.printf("generated %,d charges for %d payers in %.1f s%n", charges, payers,
                    (System.nanoTime() - start) / 1e9);
            sql.execute("analyze invoicing.charge");
            sql.execute("create temp table charge_copy (like invoicing.charge including all)");
            start = System.nanoTime();
            sql.execute("insert into charge_copy select * from invoicing.charge where period = date '2026-10-01'");
            double insertSelect = (System.nanoTime() - start) / 1e9;
            System.out.printf("INSERT ... SELECT of the same %,d rows: %.2f s%n", charges, insertSelect);
            sql.execute("drop table charge_copy");

            HttpRequest issue = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/invoice-runs"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "finance:demo".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"month\": \"2026-10\"}")).build();
            start = System.nanoTime();
            HttpResponse<String> response = HttpClient.newHttpClient().send(issue, HttpResponse.BodyHandlers.ofString());
            double run = (System.nanoTime() - start) / 1e9;
            if (response.statusCode() != 201) {
                throw new IllegalStateException("The run answered " + response.statusCode() + ": " + response.body());
            }
            System.out.println("run: " + response.body());
            System.out.printf("monthly run over %,d charges: %.2f s, %,.0f charges/s%n", charges, run, charges / run);
            System.out.printf("ratio run : INSERT ... SELECT = %.2f%n", run / insertSelect);
        }
    }

    private static long count(Statement sql, String query) throws Exception {
        try (var rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static java.util.List<String> rows(Statement sql) throws Exception {
        java.util.List<String> rows = new java.util.ArrayList<>();
        try (var rs = sql.executeQuery("select kind || ':' || code from payer")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** GS1 modulus 10, as dk.fsc.shared.Gtin. */
    private static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? 3 * digit : digit;
        }
        return (10 - sum % 10) % 10;
    }
}
