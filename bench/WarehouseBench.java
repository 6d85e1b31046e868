import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dk.fsc.FscApplication;
import dk.fsc.assortment.ProductId;
import dk.fsc.citizens.CitizenId;
import dk.fsc.orders.DeliveryAddress;
import dk.fsc.orders.DeliveryFacts;
import dk.fsc.orders.OrderAccepted;
import dk.fsc.orders.OrderId;
import dk.fsc.orders.OrderLine;
import dk.fsc.orders.OrderStatus;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.TimeConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The warehouse benchmark, in one process with the platform (demo profile, embedded PostgreSQL in
 * a fresh directory): ORDERS orders of two lines each for citizens in 98 municipalities (a
 * delivery route per municipality) are accepted at once, THREADS publishing OrderAccepted as the
 * orders module does, and reserved by the warehouse's listeners from stock spread over many
 * lots; then one SQL check that no lot is negative and no unit is reserved twice; then the pick
 * lists of the day a week ahead (each order is planned for its route's weekday, so by then every
 * one is due) of those order lines through GET /api/v1/warehouse/pick-lists, timed.
 * Usage: WarehouseBench DATA_DIRECTORY ORDERS THREADS
 */
public class WarehouseBench {

    static final int MUNICIPALITIES = 98;
    static final int PRODUCTS = 40;
    static final int LOTS_PER_PRODUCT = 60;

    static final String CHECK = """
            select count(*) filter (where s.on_hand < 0 or s.reserved < 0 or s.reserved > s.on_hand) as negative_lots,
                   count(*) filter (where s.reserved <> coalesce(r.promised, 0)) as lots_reserved_twice_or_lost
              from warehouse.stock s
              left join (select product_id, lot, location_code, sum(quantity - picked) as promised
                           from warehouse.reservation group by product_id, lot, location_code) r
                using (product_id, lot, location_code)""";

    public static void main(String[] args) throws Exception {
        String data = args[0];
        int orders = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        ConfigurableApplicationContext platform = new SpringApplicationBuilder(FscApplication.class).profiles("demo")
                .run("--server.port=0", "--fsc.embedded-db.data-directory=" + data, "--fsc.embedded-db.port=0",
                        "--logging.level.root=WARN");
        try {
            run(platform, orders, threads);
        } finally {
            platform.close();
        }
    }

    static void run(ConfigurableApplicationContext platform, int orders, int threads) throws Exception {
        JdbcClient jdbc = platform.getBean(JdbcClient.class);
        Clock clock = platform.getBean(Clock.class);
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        Random random = new Random(12);
        List<String> locations = jdbc.sql("select code from warehouse.location order by walking_order")
                .query(String.class).list();
        List<UUID> products = new ArrayList<>();
        int units = 0;
        for (int p = 0; p < PRODUCTS; p++) {
            UUID product = UUID.randomUUID();
            products.add(product);
            for (int lot = 0; lot < LOTS_PER_PRODUCT; lot++) {
                int onHand = 5 + random.nextInt(20);
                units += onHand;
                jdbc.sql("insert into warehouse.stock (location_code, product_id, lot, expiry, on_hand, reserved)"
                        + " values (?, ?, ?, ?, ?, 0)")
                        .params(locations.get(random.nextInt(locations.size())), product, "BENCH-" + p + "-" + lot,
                                today.plusDays(60 + random.nextInt(700)), onHand)
                        .update();
            }
        }
        List<String> postalCodes = new ArrayList<>();
        for (int m = 0; m < MUNICIPALITIES; m++) {
            String postalCode = String.valueOf(1000 + m * 90);
            postalCodes.add(postalCode);
            UUID route = UUID.randomUUID();
            jdbc.sql("insert into warehouse.delivery_route (id, name, weekdays) values (?, ?, ?)")
                    .params(route, "Bench " + m, new Integer[] { 1 + m % 5 }).update();
            jdbc.sql("insert into warehouse.route_postal_code (postal_code, route_id) values (?, ?)")
                    .params(postalCode, route).update();
        }
        List<OrderAccepted> accepted = new ArrayList<>();
        int asked = 0;
        for (int i = 0; i < orders; i++) {
            int m = random.nextInt(MUNICIPALITIES);
            MunicipalityCode municipality = new MunicipalityCode(String.valueOf(900 + m));
            int first = random.nextInt(PRODUCTS);
            int second = (first + 1 + random.nextInt(PRODUCTS - 1)) % PRODUCTS;
            int a = 1 + random.nextInt(3);
            int b = 1 + random.nextInt(3);
            asked += a + b;
            accepted.add(new OrderAccepted(new DeliveryFacts(new OrderId(UUID.randomUUID()),
                    new CitizenId(UUID.randomUUID()), municipality, municipality, OrderStatus.ACCEPTED,
                    List.of(new OrderLine(new ProductId(products.get(first)), a, null),
                            new OrderLine(new ProductId(products.get(second)), b, null)),
                    new DeliveryAddress("Benchvej " + i, postalCodes.get(m), "By " + m), today, today),
                    clock.instant(), "bench"));
        }
        System.out.printf("stock: %d products x %d lots = %,d units; %,d orders ask %,d units in %,d order lines"
                + " (98 municipalities, a route each)%n", PRODUCTS, LOTS_PER_PRODUCT, units, orders, asked,
                orders * 2);

        ApplicationEventPublisher events = platform;
        TransactionTemplate transactions = platform.getBean(TransactionTemplate.class);
        CountDownLatch start = new CountDownLatch(1);
        long began;
        try (ExecutorService publishers = Executors.newFixedThreadPool(threads)) {
            for (OrderAccepted order : accepted) {
                publishers.submit(() -> {
                    start.await();
                    transactions.executeWithoutResult(status -> events.publishEvent(order));
                    return null;
                });
            }
            began = System.nanoTime();
            start.countDown();
        }
        while (jdbc.sql("select count(*) from warehouse.fulfilment").query(Integer.class).single() < orders) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        int reservedLines = jdbc.sql("select count(distinct (order_id, line)) from warehouse.reservation")
                .query(Integer.class).single();
        int waiting = jdbc.sql("select count(*) from warehouse.backorder").query(Integer.class).single();
        System.out.printf("reservation: %,d orders accepted at once (%d publishing threads) reserved in %.2f s:"
                + " %,.0f orders/s, %,.0f order lines/s (%,d lines reserved in part or full, %,d waiting for stock)%n",
                orders, threads, seconds, orders / seconds, orders * 2 / seconds, reservedLines, waiting);
        System.out.println("check afterwards:");
        System.out.println(CHECK.indent(2).stripTrailing());
        jdbc.sql(CHECK).query((rs, row) -> {
            System.out.printf("  -> negative_lots = %d, lots_reserved_twice_or_lost = %d%n", rs.getInt(1),
                    rs.getInt(2));
            return row;
        }).list();

        LocalDate allDue = today.plusDays(7);
        int port = Integer.parseInt(platform.getEnvironment().getProperty("local.server.port"));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/warehouse/pick-lists?date=" + allDue))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo"
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").timeout(Duration.ofMinutes(2)).build();
        List<Long> times = new ArrayList<>();
        int size = 0;
        for (int run = 0; run < 7; run++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("pick lists answered " + response.statusCode() + ": "
                        + response.body());
            }
            size = response.body().length();
            if (run >= 2) {
                times.add(ms);
            }
        }
        int pickLines = jdbc.sql("select count(*) from warehouse.reservation r join warehouse.fulfilment f"
                + " on f.order_id = r.order_id where f.status = 'TO_PICK' and f.delivery_date <= ?").param(allDue)
                .query(Integer.class).single();
        List<Long> sorted = times.stream().sorted().toList();
        System.out.printf("pick lists of the day a week ahead, every order due (%,d order lines, %,d pick lines from their lots, %d routes,"
                + " %,d KB of JSON) through GET /api/v1/warehouse/pick-lists, 5 runs after 2: %s ms, median %d ms"
                + " (goal < 2000 ms)%n", orders * 2, pickLines, MUNICIPALITIES, size / 1024, times,
                sorted.get(sorted.size() / 2));
    }
}
