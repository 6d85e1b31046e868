import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The national-scale ordering benchmark's client, run by {@code bench/run orders} with
 * Java's source launcher (no build step, no libraries):
 * <ul>
 * <li>{@code municipalities BASE}: 79 synthetic municipalities in the four other regions.</li>
 * <li>{@code generate BASE DIR CITIZENS}: CITIZENS citizens spread over all 98 municipalities and a stoma grant for each, all through
 * the HTTP API; the citizens' ids and municipalities go to DIR/citizens.csv.</li>
 * <li>{@code load BASE DIR CLIENTS WARMUP_S MEASURE_S}: CLIENTS concurrent clients place orders for
 * random citizens through {@code POST /api/v1/orders} as fast as the platform answers; prints
 * orders per second and latency percentiles of the measured period.</li>
 * </ul>
 */
public class OrderBench {

    static final String PASSWORD = "bench";
    static final String FLAT_BASEPLATE = "b0000000-0000-4000-8000-000000000005";
    static final String TWO_PIECE_BAG = "b0000000-0000-4000-8000-000000000003";
    static final String ACCESSORY = "b0000000-0000-4000-8000-000000000010";
    static final String[] OTHER_REGIONS = {"1081", "1083", "1084", "1085"};
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "municipalities" -> municipalities(args[1]);
            case "generate" -> generate(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            case "load" -> load(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("generate or load");
        }
    }

    record Answer(int status, String body) {
    }

    static Answer post(String base, String user, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }

    static List<String> realMunicipalities(String base) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/municipalities"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("bench-admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher codes = Pattern.compile("\"code\"\\s*:\\s*\"([0-9]{3})\"").matcher(body);
        List<String> found = new ArrayList<>();
        while (codes.find()) {
            found.add(codes.group(1));
        }
        return found;
    }

    /** Synthetic municipality codes 900-978: no real Danish municipality has a code above 860. */
    static List<String> syntheticMunicipalities() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 79; i++) {
            codes.add(Integer.toString(900 + i));
        }
        return codes;
    }

    static void municipalities(String base) {
        for (String code : syntheticMunicipalities()) {
            int n = Integer.parseInt(code) - 900;
            Answer added = post(base, "bench-admin", "/api/v1/municipalities",
                    "{\"code\":\"%s\",\"name\":\"Syntetisk kommune %s\",\"regionCode\":\"%s\"}"
                            .formatted(code, code, OTHER_REGIONS[n % OTHER_REGIONS.length]));
            if (added.status() != 201 && added.status() != 409) {
                throw new IllegalStateException("municipality " + code + ": " + added);
            }
        }
    }

    static void generate(String base, Path dir, int citizens) throws Exception {
        long start = System.nanoTime();
        List<String> municipalities = realMunicipalities(base);
        if (municipalities.size() != 98) {
            throw new IllegalStateException("expected 98 municipalities, found " + municipalities.size());
        }
        Map<Integer, String> lines = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        try (ExecutorService clients = Executors.newFixedThreadPool(24)) {
            for (int i = 0; i < citizens; i++) {
                int n = i;
                clients.submit(() -> {
                    String municipality = municipalities.get(n % municipalities.size());
                    Answer registered = retried(() -> post(base, "bench-agent", "/api/v1/citizens", """
                            {"cpr":"%s","name":"Bench Borger %d","address":{"street":"Benchvej %d","postalCode":"8000",
                             "city":"Benchby"},"municipalityCode":"%s"}""".formatted(cpr(n), n, n % 300 + 1, municipality)));
                    Matcher id = ID.matcher(registered.body());
                    if (registered.status() != 201 || !id.find()) {
                        failures.incrementAndGet();
                        return;
                    }
                    String citizen = id.group(1);
                    Answer granted = retried(() -> post(base, "bench-cw-" + municipality,
                            "/api/v1/citizens/" + citizen + "/grants",
                            """
                            {"validFrom":"2026-01-01","lines":[
                              {"productId":"%s","quantity":30,"period":"MONTH"},
                              {"group":"STOMA_BAG_TWO_PIECE","quantity":30,"period":"MONTH"},
                              {"group":"STOMA_ACCESSORY","quantity":10,"period":"MONTH"}]}""".formatted(FLAT_BASEPLATE)));
                    if (granted.status() != 201) {
                        failures.incrementAndGet();
                        return;
                    }
                    lines.put(n, id.group(1) + "," + municipality);
                    if (n > 0 && n % 10_000 == 0) {
                        System.out.printf("  %,d citizens with grants (%.0f s)%n", n, (System.nanoTime() - start) / 1e9);
                    }
                });
            }
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " citizens or grants failed");
        }
        Files.createDirectories(dir);
        Files.write(dir.resolve("citizens.csv"), lines.values());
        System.out.printf("generated %,d citizens with grants in 98 municipalities (5 regions) in %.0f s%n",
                lines.size(), (System.nanoTime() - start) / 1e9);
    }

    /** The answer, asked again up to three times while the platform answers with no status or a 5xx. */
    static Answer retried(java.util.function.Supplier<Answer> request) {
        Answer answer = request.get();
        for (int attempt = 1; attempt < 4 && (answer.status() < 0 || answer.status() >= 500); attempt++) {
            answer = request.get();
        }
        if (answer.status() < 0 || answer.status() >= 400) {
            System.err.println("failed: " + answer.status() + " " + answer.body());
        }
        return answer;
    }

    /**
     * A valid CPR number for citizen n, unique per n: a birth date in 1930-1998 and a
     * sequence number 3900-3999, whose seventh digit 3 keeps the date in the 1900s.
     */
    static String cpr(int n) {
        LocalDate born = LocalDate.of(1930, 1, 1).plusDays(n % 25_000);
        int sequence = 3900 + n / 25_000;
        return "%02d%02d%02d-%04d".formatted(born.getDayOfMonth(), born.getMonthValue(), born.getYear() % 100,
                sequence);
    }

    static void load(String base, Path dir, int clients, int warmupSeconds, int measureSeconds) throws Exception {
        List<String> citizens = Files.readAllLines(dir.resolve("citizens.csv")).stream()
                .map(line -> line.substring(0, line.indexOf(','))).toList();
        String[][] orders = {
                {line(FLAT_BASEPLATE, 1, 25)},
                {line(TWO_PIECE_BAG, 1, null)},
                {line(FLAT_BASEPLATE, 1, 30), line(TWO_PIECE_BAG, 1, null)},
                {line(ACCESSORY, 1, null)}};
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = warmupEnd + measureSeconds * 1_000_000_000L;
        long[][] latencies = new long[clients][];
        AtomicLong errors = new AtomicLong();
        Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    long[] mine = new long[1 << 16];
                    int count = 0;
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (true) {
                        long started = System.nanoTime();
                        if (started >= end) {
                            break;
                        }
                        String citizen = citizens.get(random.nextInt(citizens.size()));
                        String[] lines = orders[random.nextInt(orders.length)];
                        Answer placed = post(base, "bench-agent", "/api/v1/orders",
                                "{\"citizenId\":\"%s\",\"channel\":\"PHONE\",\"lines\":[%s]}"
                                        .formatted(citizen, String.join(",", lines)),
                                "Idempotency-Key", UUID.randomUUID().toString());
                        long took = System.nanoTime() - started;
                        if (started < warmupEnd) {
                            continue;
                        }
                        if (placed.status() != 201) {
                            errors.incrementAndGet();
                        } else {
                            Matcher status = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"").matcher(placed.body());
                            statuses.computeIfAbsent(status.find() ? status.group(1) : "?", s -> new AtomicLong())
                                    .incrementAndGet();
                        }
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, mine.length * 2);
                        }
                        mine[count++] = took;
                    }
                    latencies[client] = Arrays.copyOf(mine, count);
                });
            }
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        long ok = all.length - errors.get();
        System.out.printf("orders: %d clients, %d s measured after %d s warm-up: %,d placed (%s), %d errors%n",
                clients, measureSeconds, warmupSeconds, ok, statuses, errors.get());
        System.out.printf("orders per second: %.1f%n", ok / (double) measureSeconds);
        System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", percentile(all, 50),
                percentile(all, 90), percentile(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    static String line(String product, int quantity, Integer hole) {
        return hole == null ? "{\"productId\":\"%s\",\"quantity\":%d}".formatted(product, quantity)
                : "{\"productId\":\"%s\",\"quantity\":%d,\"holeDiameterMm\":%d}".formatted(product, quantity, hole);
    }

    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
