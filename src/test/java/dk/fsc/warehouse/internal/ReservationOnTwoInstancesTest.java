package dk.fsc.warehouse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dk.fsc.FscApplication;
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
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reservation on two instances (this test's platform and a second application context on the
 * same database): many orders of one product in short supply, spread over several lots and
 * locations, accepted on both at once, some cancelled on the other instance at the same time.
 * Afterwards no lot is negative or promises more than it holds, every reserved unit belongs to
 * one order, each order is reserved or waits in full, and no cancelled order holds stock.
 */
@FscIntegrationTest
class ReservationOnTwoInstancesTest {

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReserveAcceptedOrders reservations;

    @Autowired
    TransactionTemplate transactions;

    record Instance(ReserveAcceptedOrders reservations, TransactionTemplate transactions) {

        void handle(Object event) {
            transactions.executeWithoutResult(status -> {
                if (event instanceof OrderAccepted accepted) {
                    reservations.on(accepted);
                } else {
                    reservations.on((OrderStatusChanged) event);
                }
            });
        }
    }

    @Test
    void twoInstancesNeverPromiseAUnitTwiceNorMoreThanALotHolds() throws Exception {
        ConfigurableApplicationContext second = new SpringApplicationBuilder(FscApplication.class)
                .profiles("demo", "test")
                .initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
                .run("--server.port=0");
        try {
            Instance one = new Instance(AopTestUtils.getUltimateTargetObject(reservations), transactions);
            Instance two = new Instance(AopTestUtils.getUltimateTargetObject(second.getBean(
                    ReserveAcceptedOrders.class)), second.getBean(TransactionTemplate.class));
            LocalDate today = clock.today();
            UUID product = UUID.randomUUID();
            List<String> locations = jdbc.sql("select code from warehouse.location order by walking_order limit 3")
                    .query(String.class).list();
            for (int lot = 0; lot < 12; lot++) {
                jdbc.sql("insert into warehouse.stock (location_code, product_id, lot, expiry, on_hand, reserved)"
                        + " values (?, ?, ?, ?, ?, 0)").params(locations.get(lot % locations.size()), product,
                                "TWO-" + lot, today.plusDays(60 + lot), 10).update();
            }
            Random random = new Random(2);
            List<UUID> orders = new ArrayList<>();
            List<Integer> quantities = new ArrayList<>();
            List<UUID> cancelled = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> handled = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < 80; i++) {
                    UUID order = UUID.randomUUID();
                    int quantity = 1 + random.nextInt(3);
                    orders.add(order);
                    quantities.add(quantity);
                    Instance accepting = i % 2 == 0 ? one : two;
                    handled.add(threads.submit(() -> {
                        start.await();
                        accepting.handle(accepted(order, product, quantity, today));
                        return null;
                    }));
                    if (i % 8 == 0) {
                        cancelled.add(order);
                        Instance cancelling = accepting == one ? two : one;
                        handled.add(threads.submit(() -> {
                            start.await();
                            cancelling.handle(new OrderStatusChanged(new OrderId(order),
                                    new CitizenId(UUID.randomUUID()), new MunicipalityCode("751"), OrderStatus.ACCEPTED,
                                    OrderStatus.CANCELLED, clock.instant(), "agent", null));
                            return null;
                        }));
                    }
                }
                start.countDown();
                for (Future<?> each : handled) {
                    each.get();
                }
            }

            assertThat(jdbc.sql("select count(*) from warehouse.stock s where s.reserved < 0 or s.reserved > s.on_hand"
                    + " or s.reserved <> (select coalesce(sum(r.quantity - r.picked), 0) from warehouse.reservation r"
                    + " where r.product_id = s.product_id and r.lot = s.lot and r.location_code = s.location_code)")
                    .query(Integer.class).single()).as("lots negative or promising other than their reservations")
                    .isZero();
            int promised = jdbc.sql("select coalesce(sum(reserved), 0) from warehouse.stock where product_id = ?")
                    .param(product).query(Integer.class).single();
            assertThat(promised).as("the lots hold 120 units").isLessThanOrEqualTo(120);
            assertThat(jdbc.sql("select count(*) from warehouse.reservation where order_id = any(?)")
                    .param(cancelled.toArray(UUID[]::new)).query(Integer.class).single())
                    .as("cancelled orders hold nothing").isZero();
            int asked = 0;
            for (int i = 0; i < orders.size(); i++) {
                if (cancelled.contains(orders.get(i))) {
                    continue;
                }
                asked += quantities.get(i);
                assertThat(jdbc.sql("select (select coalesce(sum(quantity), 0) from warehouse.reservation"
                        + " where order_id = ?) + (select coalesce(sum(missing), 0) from warehouse.backorder"
                        + " where order_id = ?)").params(orders.get(i), orders.get(i)).query(Integer.class).single())
                        .as("reserved or waiting in full").isEqualTo(quantities.get(i));
            }
            int cancelledUnits = 0;
            for (UUID order : cancelled) {
                cancelledUnits += quantities.get(orders.indexOf(order));
            }
            assertThat(promised).as("as much as the lots allow, but for units a cancellation freed while others"
                    + " waited: those serve new orders and wait for the next receipt to fill the shortage list")
                    .isBetween(Math.min(asked, 120) - cancelledUnits, Math.min(asked, 120));
        } finally {
            second.close();
        }
    }

    static OrderAccepted accepted(UUID order, UUID product, int quantity, LocalDate today) {
        return new OrderAccepted(new DeliveryFacts(new OrderId(order), new CitizenId(UUID.randomUUID()),
                new MunicipalityCode("751"), new MunicipalityCode("751"), OrderStatus.ACCEPTED,
                List.of(new OrderLine(new ProductId(product), quantity, null)),
                new DeliveryAddress("Testvej 1", "8000", "Aarhus C"), today, null), today.atStartOfDay()
                .atZone(TimeConfiguration.DANISH_TIME).toInstant(), "agent");
    }
}
