import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.postgresql.PGConnection;

/**
 * The dispenser simulator and the alarms benchmark (bench/run alarms). It plays a vendor's
 * system: a population of DEVICES dispensers installed at citizens with the alarm service
 * (written into the alarms module's projection over JDBC, as the devices module's events would),
 * each with four doses a day planned as due rows; then
 * 1. ingest: EVENTS events (doses taken, some late, heartbeats; a few devices silent) sent
 *    through POST /api/v1/device-events in signed batches of 1,000 from CLIENTS connections,
 *    and the same rows COPYed into a scratch table like alarms.device_event: events/s of both
 *    and the ratio;
 * 2. delay: DOSES doses whose grace expires within the next minute, of which MISSED_SHARE are
 *    never taken (the rest taken in time through the endpoint); the time from each missed dose's
 *    grace expiry to its alarm being in the alarm list (a committed row), p50, p99 and max.
 *
 * Usage: java -cp postgresql.jar bench/DeviceSimulator.java HTTP_PORT DB_PORT DEVICES EVENTS CLIENTS
 */
public class DeviceSimulator {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
    private static final int BATCH = 1_000;
    private static final int DOSES = 2_000;
    private static final double MISSED_SHARE = 0.1;

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:" + args[0];
        String jdbc = "jdbc:postgresql://127.0.0.1:" + args[1] + "/fsc?user=fsc";
        int devices = Integer.parseInt(args[2]);
        int events = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);

        String keyName = "Bench vendor " + UUID.randomUUID();
        String key = field(send(base + "/api/v1/api-keys", ADMIN, "POST",
                "{\"name\":\"" + keyName + "\",\"scopes\":[\"DEVICE_EVENTS_WRITE\"]}", 201), "key");
        byte[] secretBytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(secretBytes);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(secretBytes);
        send(base + "/api/v1/alarm-vendors/bench", ADMIN, "PUT",
                "{\"apiKeyName\":\"" + keyName + "\",\"secret\":\"" + secret + "\"}", 200);

        try (Connection db = DriverManager.getConnection(jdbc); Statement sql = db.createStatement()) {
            long start = System.nanoTime();
            sql.execute("delete from alarms.installed_device where serial like 'SIM-%'");
            sql.execute("delete from alarms.due_dose where serial like 'SIM-%'");
            sql.execute("""
                    insert into alarms.installed_device (serial, lease_id, citizen_id, municipality_code, services,
                        started_on, last_heard_at, heartbeat_minutes)
                    select 'SIM-' || n, gen_random_uuid(), gen_random_uuid(), '751', '{ALARM,REFILL}', current_date, now(), 1440
                    from generate_series(1, %d) n""".formatted(devices));
            sql.execute("""
                    insert into alarms.due_dose (serial, citizen_id, municipality_code, due_at, grace_until)
                    select d.serial, d.citizen_id, '751', t.at, t.at + interval '30 minutes'
                    from alarms.installed_device d
                    cross join lateral (select date_trunc('day', now()) + interval '1 day' + h * interval '1 hour' as at
                                        from unnest(array[8, 12, 17, 21]) h) t
                    where d.serial like 'SIM-%'""");
            System.out.printf("population: %,d dispensers with 4 doses a day planned (%.1f s)%n", devices,
                    (System.nanoTime() - start) / 1e9);
        }

        List<String> bodies = new ArrayList<>();
        Instant now = Instant.now();
        String tomorrow = now.plus(Duration.ofDays(1)).toString().substring(0, 10);
        int[] hours = { 7, 11, 16, 20 };
        for (int first = 0; first < events; first += BATCH) {
            StringBuilder body = new StringBuilder("{\"events\":[");
            for (int i = first; i < Math.min(events, first + BATCH); i++) {
                int device = 1 + (i % devices);
                int dose = (i / devices) % 4;
                if (i > first) {
                    body.append(',');
                }
                if (i % 5 == 4) {
                    body.append("{\"id\":\"sim-").append(i).append("\",\"type\":\"heartbeat\",\"serial\":\"SIM-")
                            .append(device).append("\",\"time\":\"").append(now).append("\"}");
                } else {
                    String due = tomorrow + "T" + (hours[dose] < 10 ? "0" : "") + hours[dose] + ":00:00Z";
                    body.append("{\"id\":\"sim-").append(i).append("\",\"type\":\"dose_taken\",\"serial\":\"SIM-")
                            .append(device).append("\",\"time\":\"").append(now).append("\",\"dueAt\":\"")
                            .append(due).append("\"}");
                }
            }
            bodies.add(body.append("]}").toString());
        }

        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(bodies);
        AtomicLong accepted = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(senders.submit(() -> {
                    for (String body = queue.poll(); body != null; body = queue.poll()) {
                        String answer = signed(base, key, secret, body);
                        accepted.addAndGet(Long.parseLong(field(answer, "accepted")));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        double apiSeconds = (System.nanoTime() - start) / 1e9;
        double apiRate = events / apiSeconds;

        double copyRate;
        try (Connection db = DriverManager.getConnection(jdbc); Statement sql = db.createStatement()) {
            sql.execute("drop table if exists public.bench_device_event_copy");
            sql.execute("create table public.bench_device_event_copy (like alarms.device_event including defaults)");
            StringBuilder rows = new StringBuilder();
            Pattern event = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"type\":\"([^\"]+)\",\"serial\":\"([^\"]+)\",\"time\":\"([^\"]+)\"(?:,\"dueAt\":\"([^\"]+)\")?\\}");
            for (String body : bodies) {
                Matcher m = event.matcher(body);
                while (m.find()) {
                    rows.append(now).append('\t').append("bench\t").append(m.group(1)).append('\t').append(m.group(3))
                            .append('\t').append(m.group(2)).append("\ttrue\t").append(m.group(4)).append('\t')
                            .append(m.group(5) == null ? "\\N" : m.group(5)).append("\ttrue\t\\N\t")
                            .append(m.group().replace("\\", "\\\\")).append('\n');
                }
            }
            long copyStart = System.nanoTime();
            ((PGConnection) db.unwrap(PGConnection.class)).getCopyAPI().copyIn(
                    "copy public.bench_device_event_copy from stdin", new StringReader(rows.toString()));
            copyRate = events / ((System.nanoTime() - copyStart) / 1e9);
            sql.execute("drop table public.bench_device_event_copy");
        }
        System.out.printf("ingest through POST /api/v1/device-events: %,d events in %,d signed batches, %d clients,"
                + " %.1f s: %,.0f events/s (%,d accepted)%n", events, bodies.size(), clients, apiSeconds, apiRate,
                accepted.get());
        System.out.printf("COPY of the same rows into PostgreSQL: %,.0f rows/s%n", copyRate);
        System.out.printf("ratio endpoint : COPY = %.3f%n", apiRate / copyRate);

        delay(base, jdbc, key, secret, devices);
    }

    /** Doses expiring over the next minute, most taken in time through the endpoint; the delay to each missed one's alarm. */
    private static void delay(String base, String jdbc, String key, String secret, int devices) throws Exception {
        Map<String, Instant> missed = new HashMap<>();
        List<String> taken = new ArrayList<>();
        Instant start = Instant.now().plusSeconds(30);
        String[] serials = new String[DOSES];
        String[] graces = new String[DOSES];
        for (int i = 0; i < DOSES; i++) {
            serials[i] = "SIM-" + (1 + ThreadLocalRandom.current().nextInt(devices));
            graces[i] = start.plusMillis(ThreadLocalRandom.current().nextLong(60_000)).toString();
        }
        try (Connection db = DriverManager.getConnection(jdbc);
                var insert = db.prepareStatement("""
                        insert into alarms.due_dose (serial, citizen_id, municipality_code, due_at, grace_until)
                        select d.serial, d.citizen_id, '751', g.grace - interval '30 minutes', g.grace
                        from unnest(?::text[], ?::timestamptz[]) as g(serial, grace)
                        join alarms.installed_device d on d.serial = g.serial
                        on conflict do nothing returning id, serial, due_at, grace_until""")) {
            insert.setArray(1, db.createArrayOf("text", serials));
            insert.setArray(2, db.createArrayOf("text", graces));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    Instant due = rs.getTimestamp(3).toInstant();
                    if (ThreadLocalRandom.current().nextDouble() < MISSED_SHARE) {
                        missed.put("dose:" + rs.getLong(1), rs.getTimestamp(4).toInstant());
                    } else {
                        taken.add("{\"id\":\"late-" + rs.getLong(1) + "\",\"type\":\"dose_taken\",\"serial\":\""
                                + rs.getString(2) + "\",\"time\":\"" + due.plusSeconds(600) + "\",\"dueAt\":\"" + due + "\"}");
                    }
                }
            }
        }
        for (int first = 0; first < taken.size(); first += BATCH) {
            signed(base, key, secret, "{\"events\":[" + String.join(",", taken.subList(first,
                    Math.min(taken.size(), first + BATCH))) + "]}");
        }
        System.out.printf("delay run: %d doses due, set up %.1f s before the first grace expires%n", missed.size()
                + taken.size(), Duration.between(Instant.now(), start).toMillis() / 1000.0);
        int total = missed.size();
        List<Long> delays = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc);
                var seen = db.prepareStatement("select cause from alarms.alarm where cause = any(?)")) {
            Instant until = start.plusSeconds(120);
            while (!missed.isEmpty() && Instant.now().isBefore(until)) {
                seen.setArray(1, db.createArrayOf("text", missed.keySet().toArray()));
                Instant at = Instant.now();
                try (ResultSet rs = seen.executeQuery()) {
                    while (rs.next()) {
                        delays.add(Duration.between(missed.remove(rs.getString(1)), at).toMillis());
                    }
                }
                Thread.sleep(50);
            }
        }
        delays.sort(null);
        System.out.printf("missed doses: %d of %d (the rest taken through the endpoint); alarms seen: %d, never: %d%n",
                total, DOSES, delays.size(), missed.size());
        if (!delays.isEmpty()) {
            System.out.printf("delay from grace expiry to the alarm in the list: p50 %d ms, p99 %d ms, max %d ms%n",
                    delays.get(delays.size() / 2), delays.get(Math.min(delays.size() - 1, (int) (delays.size() * 0.99))),
                    delays.get(delays.size() - 1));
        }
    }

    private static String signed(String base, String key, String secret, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String id = "msg_" + UUID.randomUUID();
        long timestamp = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String signature = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(bytes));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/device-events"))
                .header("Content-Type", "application/json").header("X-API-Key", key).header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp)).header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String send(String url, String auth, String method, String json, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }
}
