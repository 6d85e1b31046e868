package dk.fsc.warehouse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import dk.fsc.assortment.ProductId;
import dk.fsc.citizens.CitizenId;
import dk.fsc.orders.DeliveryAddress;
import dk.fsc.orders.DeliveryFacts;
import dk.fsc.orders.OrderAccepted;
import dk.fsc.orders.OrderId;
import dk.fsc.orders.OrderLine;
import dk.fsc.orders.OrderStatus;
import dk.fsc.orders.OrderStatusChanged;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.warehouse.WarehouseSteps;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many orders accepted at once for a product in short supply, reserved in parallel: no stock
 * row goes negative or above what is on hand, every reserved unit is promised to one order
 * only (the rows' reserved equals the sum of their reservations), and each order's line is
 * reserved or waits for stock in full.
 */
@FscIntegrationTest
class ConcurrentReservationTest {

    /** A stoma belt: no other test orders it. */
    static final ProductId BELT = ProductId.of("b0000000-0000-4000-8000-000000000013");

    @LocalServerPort
    int port;

    @Autowired
    ReserveAcceptedOrders reservations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void ordersAcceptedAtOnceNeverPromiseAUnitTwiceNorMoreThanIsOnHand() throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        Api.Response received = new WarehouseSteps(port).as("warehouse").postJson("/api/v1/warehouse/receipts", """
                {"scan":"(01)05700312500131(17)%s(10)BELT-%s","quantity":60,"locationCode":"B-01-1"}"""
                .formatted(WarehouseSteps.yymmdd(today.plusYears(1)), UUID.randomUUID().toString().substring(0, 6)));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        int available = jdbc.sql("select coalesce(sum(on_hand - reserved), 0) from warehouse.stock where product_id = ?")
                .param(BELT.value()).query(Integer.class).single();

        int orders = 40;
        int each = 3;
        List<UUID> ids = IntStream.range(0, orders).mapToObj(i -> UUID.randomUUID()).toList();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (UUID id : ids) {
                threads.submit(() -> {
                    start.await();
                    reservations.on(new OrderAccepted(new DeliveryFacts(new OrderId(id),
                            new CitizenId(UUID.randomUUID()), new MunicipalityCode("751"),
                            new MunicipalityCode("751"), OrderStatus.ACCEPTED, List.of(new OrderLine(BELT, each, null)),
                            new DeliveryAddress("Testvej 1", "8000", "Aarhus C"), today, null), clock.instant(),
                            "agent"));
                    return null;
                });
            }
            start.countDown();
        }
        UUID[] ours = ids.toArray(UUID[]::new);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from warehouse.fulfilment where order_id = any(?)").param(ours)
                .query(Integer.class).single() == orders);

        assertThat(jdbc.sql("select count(*) from warehouse.stock s where s.reserved < 0 or s.reserved > s.on_hand"
                + " or s.reserved <> (select coalesce(sum(r.quantity - r.picked), 0) from warehouse.reservation r"
                + " where r.product_id = s.product_id and r.lot = s.lot and r.location_code = s.location_code)")
                .query(Integer.class).single()).as("rows promising more or less than their reservations").isZero();
        assertThat(jdbc.sql("select count(*) from warehouse.fulfilment f where f.order_id = any(?) and"
                + " (select coalesce(sum(r.quantity), 0) from warehouse.reservation r where r.order_id = f.order_id)"
                + " + (select coalesce(sum(b.missing), 0) from warehouse.backorder b where b.order_id = f.order_id)"
                + " <> ?").params(ours, each).query(Integer.class).single()).as("lines reserved or waiting in full")
                .isZero();
        int reserved = jdbc.sql("select coalesce(sum(quantity), 0) from warehouse.reservation where order_id = any(?)")
                .param(ours).query(Integer.class).single();
        assertThat(reserved).isEqualTo(Math.min(available, orders * each));
    }

    @Test
    void aShortageIsReservedWhenGoodsArriveAndReleasedWhenTheOrderIsCancelled() {
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        int available = jdbc.sql("select coalesce(sum(on_hand - reserved), 0) from warehouse.stock where product_id = ?"
                + " and expiry >= ?").params(BELT.value(), today.plusDays(30)).query(Integer.class).single();
        UUID id = UUID.randomUUID();
        reservations.on(new OrderAccepted(new DeliveryFacts(new OrderId(id), new CitizenId(UUID.randomUUID()),
                new MunicipalityCode("751"), new MunicipalityCode("751"), OrderStatus.ACCEPTED,
                List.of(new OrderLine(BELT, available + 2, null)), new DeliveryAddress("Testvej 1", "8000", "Aarhus C"),
                today, null), clock.instant(), "agent"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> missing(id) == 2);

        Api.Response received = new WarehouseSteps(port).as("warehouse").postJson("/api/v1/warehouse/receipts", """
                {"scan":"(01)05700312500131(17)%s(10)BELT-%s","quantity":5,"locationCode":"B-01-1"}"""
                .formatted(WarehouseSteps.yymmdd(today.plusYears(1)), UUID.randomUUID().toString().substring(0, 6)));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        assertThat(missing(id)).as("reserved when the goods arrived").isZero();
        assertThat(reserved(id)).isEqualTo(available + 2);

        int reservedBefore = jdbc.sql("select sum(reserved) from warehouse.stock where product_id = ?")
                .param(BELT.value()).query(Integer.class).single();
        reservations.on(new OrderStatusChanged(new OrderId(id), new CitizenId(UUID.randomUUID()),
                new MunicipalityCode("751"), OrderStatus.ACCEPTED, OrderStatus.CANCELLED, clock.instant(), "agent",
                null));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reserved(id) == 0);
        assertThat(jdbc.sql("select sum(reserved) from warehouse.stock where product_id = ?").param(BELT.value())
                .query(Integer.class).single()).isEqualTo(reservedBefore - available - 2);
    }

    @Test
    void anOrderCancelledBeforeItsAcceptanceIsHandledIsNeverReservedAlsoWhenBothAreHandledAtOnce() throws Exception {
        ReserveAcceptedOrders direct = AopTestUtils.getUltimateTargetObject(reservations);
        UUID late = UUID.randomUUID();
        transactions.executeWithoutResult(status -> direct.on(cancelled(late)));
        transactions.executeWithoutResult(status -> direct.on(accepted(late)));
        assertThat(reserved(late)).isZero();
        assertThat(missing(late)).isZero();

        List<UUID> ids = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (UUID id : ids) {
                threads.submit(() -> {
                    start.await();
                    transactions.executeWithoutResult(status -> direct.on(accepted(id)));
                    return null;
                });
                threads.submit(() -> {
                    start.await();
                    transactions.executeWithoutResult(status -> direct.on(cancelled(id)));
                    return null;
                });
            }
            start.countDown();
        }
        UUID[] all = ids.toArray(UUID[]::new);
        assertThat(jdbc.sql("select count(*) from warehouse.reservation where order_id = any(?)").param(all)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from warehouse.fulfilment where order_id = any(?)"
                + " and status <> 'CANCELLED'").param(all).query(Integer.class).single()).isZero();
    }

    OrderAccepted accepted(UUID id) {
        return new OrderAccepted(new DeliveryFacts(new OrderId(id), new CitizenId(UUID.randomUUID()),
                new MunicipalityCode("751"), new MunicipalityCode("751"), OrderStatus.ACCEPTED,
                List.of(new OrderLine(BELT, 1, null)), new DeliveryAddress("Testvej 1", "8000", "Aarhus C"),
                clock.instant().atZone(TimeConfiguration.DANISH_TIME).toLocalDate(), null), clock.instant(), "agent");
    }

    OrderStatusChanged cancelled(UUID id) {
        return new OrderStatusChanged(new OrderId(id), new CitizenId(UUID.randomUUID()), new MunicipalityCode("751"),
                OrderStatus.ACCEPTED, OrderStatus.CANCELLED, clock.instant(), "agent", null);
    }

    int missing(UUID order) {
        return jdbc.sql("select coalesce(sum(missing), 0) from warehouse.backorder where order_id = ?").param(order)
                .query(Integer.class).single();
    }

    int reserved(UUID order) {
        return jdbc.sql("select coalesce(sum(quantity), 0) from warehouse.reservation where order_id = ?").param(order)
                .query(Integer.class).single();
    }
}
