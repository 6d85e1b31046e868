import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The price-list import benchmark (bench/run assortment-import): a supplier with LINES products,
 * then RUNS imports of a LINES-line price list through the HTTP API, each with new dates so that
 * every run adds LINES prices, and RUNS imports of the same list with one bad line at its end,
 * which must be rejected with nothing saved. The products are inserted over JDBC: creating
 * 20,000 through the API would time password hashing, not the import.
 *
 * Usage: java -cp postgresql.jar bench/AssortmentImport.java HTTP_PORT DB_PORT LINES RUNS
 */
public class AssortmentImport {

    /** A valid CVR number that no demo supplier has; each benchmark runs on a fresh database. */
    private static final String CVR = "39704129";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:" + args[0] + "/api/v1";
        String jdbc = "jdbc:postgresql://127.0.0.1:" + args[1] + "/fsc?user=fsc";
        int lines = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);

        String supplier = field(send(base + "/suppliers", "application/json",
                "{\"name\":\"Bench supplier\",\"cvr\":\"" + CVR + "\"}", 201), "id");
        try (Connection db = DriverManager.getConnection(jdbc); PreparedStatement insert = db.prepareStatement(
                "insert into assortment.product (id, item_number, supplier_id, supplier_item_number, name, area_code,"
                        + " group_code, unit, pack_size, active_from) select gen_random_uuid(), 'BENCH-' || n || '-'"
                        + " || left(?::text, 8), ?::uuid, 'B' || n, 'Benchmark product ' || n, 'STOMA', 'STOMA_ACCESSORY',"
                        + " 'stk', 1, date '2026-01-01' from generate_series(1, ?) n")) {
            insert.setString(1, supplier);
            insert.setString(2, supplier);
            insert.setInt(3, lines);
            insert.executeUpdate();
        }

        List<Long> accepted = new ArrayList<>();
        List<Long> rejected = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            String list = priceList(lines, LocalDate.of(2031, 1, 1).plusDays(run));
            long start = System.nanoTime();
            String answer = send(base + "/suppliers/" + supplier + "/price-lists", "text/csv", list, 200);
            accepted.add((System.nanoTime() - start) / 1_000_000);
            if (!field(answer, "added").equals(String.valueOf(lines))) {
                throw new IllegalStateException("expected " + lines + " prices added: " + answer);
            }
            String bad = priceList(lines, LocalDate.of(2032, 1, 1).plusDays(run)) + "B1,-1,2032-01-01\n";
            start = System.nanoTime();
            send(base + "/suppliers/" + supplier + "/price-lists", "text/csv", bad, 400);
            rejected.add((System.nanoTime() - start) / 1_000_000);
        }
        report("accepted " + lines + "-line price list", lines, accepted);
        report("rejected " + (lines + 1) + "-line price list (last line bad)", lines + 1, rejected);
    }

    private static String priceList(int lines, LocalDate validFrom) {
        StringBuilder csv = new StringBuilder("item_number,price_ore,valid_from\n");
        for (int n = 1; n <= lines; n++) {
            csv.append('B').append(n).append(',').append(1000 + n % 50_000).append(',').append(validFrom).append('\n');
        }
        return csv.toString();
    }

    private static void report(String what, int lines, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        System.out.printf("%s (ms): %s  median %d  = %d lines/s%n", what, millis, median,
                median == 0 ? 0 : lines * 1000L / median);
    }

    private static String send(String url, String contentType, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", ADMIN).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
