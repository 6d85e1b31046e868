package dk.fsc.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dk.fsc.assortment.ProductId;
import dk.fsc.citizens.CitizenId;
import dk.fsc.orders.DeliveryFacts;
import dk.fsc.orders.OrderAccepted;
import dk.fsc.orders.OrderId;
import dk.fsc.orders.OrderLine;
import dk.fsc.orders.OrderStatus;
import dk.fsc.orders.Orders;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The warehouse with the modules it depends on: goods received by scan, an accepted order
 * reserved first expiry first out through {@link OrderAccepted}, picked by scanning, shipped and
 * delivered through the orders module's public API, with the events that carry the lots.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "shared",
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class WarehouseModuleTest {

    static final ProductId FLAT_BASEPLATE = WarehouseSteps.FLAT_BASEPLATE;
    static final ProductId CONVEX_BASEPLATE = ProductId.of("b0000000-0000-4000-8000-000000000008");
    static final ProductId ONE_PIECE_BAG = WarehouseSteps.ONE_PIECE_BAG;
    static final Map<ProductId, String> GTINS = WarehouseSteps.GTINS;

    @LocalServerPort
    int port;

    @Autowired
    Orders orders;

    @Autowired
    Warehouse warehouse;

    @Autowired
    CompletedEventPublications completed;

    @Autowired
    Clock clock;

    Api as(String user) {
        return Api.as(port, user, "demo");
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
    }

    WarehouseSteps steps() {
        return new WarehouseSteps(port);
    }

    static String yymmdd(LocalDate date) {
        return WarehouseSteps.yymmdd(date);
    }

    String receiveAnEarlyLotOfFlatBaseplates(int quantity) {
        return steps().receiveAnEarlyLotOfFlatBaseplates(quantity, today());
    }

    OrderId placeForANewCitizen(int plates) {
        return steps().placeForANewCitizen(plates, today());
    }

    Api.Response pickList(OrderId order) {
        return steps().pickList(order);
    }

    Api.Response scan(OrderId order, String scan) {
        return as("warehouse").postJson("/api/v1/warehouse/orders/" + order + "/picks",
                "{\"scan\":\"" + scan + "\"}");
    }

    @Test
    void goodsReceiptRefusesAnExpiredLotAndAnUnknownGtinWithTheReasonAndChangesNothing() {
        List<LotStock> before = warehouse.stockOf(FLAT_BASEPLATE);
        Api.Response expired = as("warehouse").postJson("/api/v1/warehouse/receipts", """
                {"scan":"(01)05700312500056(17)%s(10)OLD1","quantity":5,"locationCode":"A-01-1"}"""
                .formatted(yymmdd(today().minusDays(1))));
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.json().path("errors").get(0).path("field").asString()).isEqualTo("scan");
        assertThat(expired.body()).contains("OLD1");

        Api.Response unknown = as("warehouse").postJson("/api/v1/warehouse/receipts", """
                {"scan":"(01)09501101020917(17)%s(10)X1","quantity":5,"locationCode":"A-01-1"}"""
                .formatted(yymmdd(today().plusYears(1))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("09501101020917");

        Api.Response zero = as("warehouse").postJson("/api/v1/warehouse/receipts", """
                {"scan":"(01)05700312500056(17)%s(10)X2","quantity":0,"locationCode":"NOWHERE"}"""
                .formatted(yymmdd(today().plusYears(1))));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().path("errors")).extracting(error -> error.path("field").asString())
                .contains("quantity", "locationCode");
        assertThat(warehouse.stockOf(FLAT_BASEPLATE)).isEqualTo(before);
    }

    @Test
    void anAcceptedOrderIsReservedFirstExpiryFirstPickedByScanShippedAndDeliveredWithItsLots(Scenario scenario) {
        String lot = receiveAnEarlyLotOfFlatBaseplates(7);
        AtomicReference<OrderId> placed = new AtomicReference<>();

        scenario.stimulate(() -> placed.set(placeForANewCitizen(5)))
                .andWaitForStateChange(() -> pickList(placed.get()).status() == 200);
        OrderId order = placed.get();
        JsonNode list = pickList(order).json();
        assertThat(list.path("status").asString()).isEqualTo("TO_PICK");
        assertThat(list.path("backorders")).isEmpty();
        List<JsonNode> lines = new ArrayList<>();
        list.path("lines").forEach(lines::add);
        assertThat(lines).filteredOn(line -> line.path("productId").asString().equals(FLAT_BASEPLATE.toString()))
                .singleElement().satisfies(line -> {
                    assertThat(line.path("lot").asString()).as("the usable lot expiring first").isEqualTo(lot);
                    assertThat(line.path("quantity").asInt()).isEqualTo(5);
                });
        assertThat(warehouse.stockOf(FLAT_BASEPLATE)).filteredOn(stock -> stock.lot().equals(lot)).singleElement()
                .satisfies(stock -> {
                    assertThat(stock.onHand()).isEqualTo(7);
                    assertThat(stock.available()).isEqualTo(2);
                });
        assertThat(warehouse.stockOf(FLAT_BASEPLATE)).filteredOn(stock -> stock.lot().equals("NS05-SOON"))
                .allSatisfy(stock -> assertThat(stock.available()).as("within the margin: never reserved")
                        .isEqualTo(stock.onHand()));

        Api.Response wrongProduct = scan(order, "(01)05700312500209(10)NS20-A");
        assertThat(wrongProduct.status()).isEqualTo(400);
        assertThat(wrongProduct.json().path("errors").get(0).path("field").asString()).isEqualTo("scan");
        Api.Response wrongLot = scan(order, "(01)05700312500056(10)NS05-B");
        assertThat(wrongLot.status()).isEqualTo(400);
        assertThat(wrongLot.body()).contains(lot);

        for (JsonNode line : lines) {
            Api.Response picked = scan(order, "]C101" + GTINS.get(ProductId.of(line.path("productId").asString()))
                    + "10" + line.path("lot").asString());
            assertThat(picked.status()).as(picked.body()).isEqualTo(200);
        }
        assertThat(pickList(order).json().path("status").asString()).isEqualTo("PICKED");
        assertThat(orders.deliveryFacts(order)).hasValueSatisfying(
                facts -> assertThat(facts.status()).isEqualTo(OrderStatus.PICKING));
        assertThat(warehouse.stockOf(FLAT_BASEPLATE)).filteredOn(stock -> stock.lot().equals(lot)).singleElement()
                .satisfies(stock -> {
                    assertThat(stock.onHand()).isEqualTo(2);
                    assertThat(stock.available()).isEqualTo(2);
                });
        assertThat(as("warehouse").get("/api/v1/warehouse/ledger?productId=" + FLAT_BASEPLATE + "&lot=" + lot)
                .json()).extracting(entry -> entry.path("kind").asString() + " " + entry.path("quantity").asInt())
                .containsExactly("PICK -5", "RESERVE 5", "RECEIPT 7");

        Api.Response uncut = as("warehouse").postJson("/api/v1/warehouse/orders/" + order + "/pack", "{}");
        assertThat(uncut.status()).as("the plates are not cut yet").isEqualTo(409);
        assertThat(as("warehouse").get("/api/v1/warehouse/cutting-tasks").body()).contains(order.toString());
        Api.Response cut = as("warehouse").postJson("/api/v1/warehouse/orders/" + order + "/cuts/1", "{}");
        assertThat(cut.status()).as(cut.body()).isEqualTo(200);
        assertThat(cut.json().path("cuttingTasks").get(0).path("cutBy").asString()).isEqualTo("warehouse");

        AtomicReference<String> shipment = new AtomicReference<>();
        scenario.stimulate(() -> shipment.set(as("warehouse").postJson("/api/v1/warehouse/orders/" + order + "/pack",
                "{\"carrier\":\"PostNord\"}").json().path("shipmentId").asString()))
                .andWaitForEventOfType(OrderShipped.class)
                .matching(shipped -> shipped.orderId().equals(order))
                .toArriveAndVerify(shipped -> {
                    assertThat(shipped.lines()).contains(new DeliveredLine(FLAT_BASEPLATE, 5, lot,
                            today().plusDays(40)));
                    assertThat(shipped.trackingNumber()).startsWith("FSC");
                    assertThat(shipped.shippedBy()).isEqualTo("warehouse");
                });

        Api carrier = steps().carrier();
        scenario.stimulate(() -> assertThat(carrier.postJson("/api/v1/shipments/" + shipment.get() + "/events",
                        WarehouseSteps.event("d-" + order, "DELIVERED", clock.instant())).status()).isEqualTo(201))
                .andWaitForEventOfType(ShipmentDelivered.class)
                .matching(delivered -> delivered.orderId().equals(order))
                .toArriveAndVerify(delivered -> {
                    assertThat(delivered.paidBy().value()).isEqualTo("751");
                    assertThat(delivered.lines()).hasSize(2);
                    assertThat(delivered.holeCuts()).containsExactly(new HoleCut(FLAT_BASEPLATE, 32, 5));
                    assertThat(delivered.deliveredBy()).startsWith("api-key:");
                });
        assertThat(orders.deliveryFacts(order)).hasValueSatisfying(
                facts -> assertThat(facts.status()).isEqualTo(OrderStatus.DELIVERED));
    }

    @Test
    void aSecondDeliveryOfOrderAcceptedReservesNothingTwiceAndAShortLineWaitsAsBackorder(Scenario scenario) {
        AtomicReference<OrderId> placed = new AtomicReference<>();
        scenario.stimulate(() -> placed.set(placeForANewCitizen(1)))
                .andWaitForStateChange(() -> pickList(placed.get()).status() == 200);
        OrderId order = placed.get();
        int reservedBefore = warehouse.stockOf(FLAT_BASEPLATE).stream().mapToInt(s -> s.onHand() - s.available()).sum();

        OrderAccepted again = new OrderAccepted(orders.deliveryFacts(order).orElseThrow(), clock.instant(), "agent");
        scenario.publish(again).andWaitForStateChange(() -> completed.findAll().stream()
                .filter(publication -> publication.getEvent() instanceof OrderAccepted accepted
                        && accepted.order().orderId().equals(order))
                .count() >= 2);
        assertThat(warehouse.stockOf(FLAT_BASEPLATE).stream().mapToInt(s -> s.onHand() - s.available()).sum())
                .isEqualTo(reservedBefore);

        OrderId large = new OrderId(UUID.randomUUID());
        DeliveryFacts facts = orders.deliveryFacts(order).orElseThrow();
        int everything = warehouse.stockOf(CONVEX_BASEPLATE).stream().mapToInt(LotStock::available).sum();
        OrderAccepted tooMuch = new OrderAccepted(new DeliveryFacts(large, new CitizenId(UUID.randomUUID()),
                facts.municipality(), facts.paidBy(), OrderStatus.ACCEPTED,
                List.of(new OrderLine(CONVEX_BASEPLATE, everything + 4, null)), facts.deliveryAddress(),
                facts.orderDate(), facts.wantedDate()), clock.instant(), "agent");
        scenario.publish(tooMuch).andWaitForStateChange(() -> pickList(large).status() == 200);
        assertThat(pickList(large).json().path("backorders")).singleElement().satisfies(backorder -> {
            assertThat(backorder.path("productId").asString()).isEqualTo(CONVEX_BASEPLATE.toString());
            assertThat(backorder.path("missing").asInt()).isEqualTo(4);
        });
        assertThat(warehouse.stockOf(CONVEX_BASEPLATE)).allSatisfy(stock -> assertThat(stock.available()).isZero());
    }

    @Test
    void theWarehousePagesShowTheOrdersToPickTheStockAndRefuseAWrongScanInDanish(Scenario scenario) {
        AtomicReference<OrderId> placed = new AtomicReference<>();
        scenario.stimulate(() -> placed.set(placeForANewCitizen(2)))
                .andWaitForStateChange(() -> pickList(placed.get()).status() == 200);
        WebSession session = WebSession.logIn(port, "warehouse", "demo");

        HttpResponse<String> start = session.get("/warehouse");
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(start.body()).contains("Varemodtagelse", "Ordrer til pluk", "NS05-A", "/warehouse/orders/" + placed);

        HttpResponse<String> expired = session.post("/warehouse/receipts", "scan=" + URLEncoder.encode(
                "(01)05700312500056(17)" + yymmdd(today().minusDays(1)) + "(10)OLD2", StandardCharsets.UTF_8)
                + "&quantity=3&locationCode=A-01-1");
        assertThat(expired.statusCode()).isEqualTo(200);
        assertThat(expired.body()).contains("Batch OLD2 udløb");

        HttpResponse<String> wrong = session.post("/warehouse/orders/" + placed + "/picks",
                "scan=" + URLEncoder.encode("(01)05700312500209(10)NS20-A", StandardCharsets.UTF_8));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("Forkert vare", "scan-error");

        assertThat(WebSession.logIn(port, "agent", "demo").get("/warehouse").statusCode()).isEqualTo(403);
    }
}
