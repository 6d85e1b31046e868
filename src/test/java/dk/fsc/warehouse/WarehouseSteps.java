package dk.fsc.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import dk.fsc.assortment.ProductId;
import dk.fsc.orders.OrderId;
import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** The warehouse's steps as its users take them through the API, for the tests that need an order on its way. */
public final class WarehouseSteps {

    public static final ProductId FLAT_BASEPLATE = ProductId.of("b0000000-0000-4000-8000-000000000005");
    public static final ProductId ONE_PIECE_BAG = ProductId.of("b0000000-0000-4000-8000-000000000001");
    public static final Map<ProductId, String> GTINS = Map.of(FLAT_BASEPLATE, "05700312500056", ONE_PIECE_BAG,
            "05700312500018", ProductId.of("b0000000-0000-4000-8000-000000000020"), "05700312500209");

    private final int port;

    public WarehouseSteps(int port) {
        this.port = port;
    }

    public Api as(String user) {
        return Api.as(port, user, "demo");
    }

    public static String yymmdd(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("yyMMdd"));
    }

    /**
     * A lot of flat baseplates expiring before the demo lots, yet after an order's delivery (in 7 days)
     * plus the 30-day margin, so that it is reserved first.
     */
    public String receiveAnEarlyLotOfFlatBaseplates(int quantity, LocalDate today) {
        return receiveFlatBaseplates(quantity, today.plusDays(40));
    }

    /** A new lot of flat baseplates at A-01-1; its name. */
    public String receiveFlatBaseplates(int quantity, LocalDate expiry) {
        String lot = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Response received = as("warehouse").postJson("/api/v1/warehouse/receipts", """
                {"scan":"]d201%s17%s10%s","quantity":%d,"locationCode":"A-01-1","document":"PO-1"}"""
                .formatted(GTINS.get(FLAT_BASEPLATE), yymmdd(expiry), lot, quantity));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        return lot;
    }

    /** An Aarhus citizen's order by phone, wanted in 7 days: {@code plates} baseplates cut to 32 mm (line 1) and two bags. */
    public OrderId placeForANewCitizen(int plates, LocalDate today) {
        return placeForANewCitizenWanted(plates, today.plusDays(7));
    }

    /** As {@link #placeForANewCitizen}, wanted on {@code wanted} (postal code 8000). */
    public OrderId placeForANewCitizenWanted(int plates, LocalDate wanted) {
        String citizen = Citizens.register(as("caseworker-aarhus"), "751", "Lager Testesen");
        Api.Response granted = as("caseworker-aarhus").postJson("/api/v1/citizens/" + citizen + "/grants", """
                {"validFrom":"2020-01-01","lines":[{"productId":"%s","quantity":20,"period":"MONTH"},
                 {"productId":"%s","quantity":20,"period":"MONTH"}]}""".formatted(FLAT_BASEPLATE, ONE_PIECE_BAG));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        Api.Response placed = as("agent").postJson("/api/v1/orders", """
                {"citizenId":"%s","channel":"PHONE","deliveryDate":"%s",
                 "lines":[{"productId":"%s","quantity":%d,"holeDiameterMm":32},{"productId":"%s","quantity":2}]}"""
                .formatted(citizen, wanted, FLAT_BASEPLATE, plates, ONE_PIECE_BAG));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return OrderId.of(placed.json().path("id").asString());
    }

    public Api.Response pickList(OrderId order) {
        return as("warehouse").get("/api/v1/warehouse/orders/" + order);
    }

    public JsonNode awaitReserved(OrderId order) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> pickList(order).status() == 200);
        return pickList(order).json();
    }

    public Api.Response scan(OrderId order, String scan) {
        return as("warehouse").postJson("/api/v1/warehouse/orders/" + order + "/picks",
                "{\"scan\":\"" + scan + "\"}");
    }

    /** Scans each line of the pick list as GS1-128 with product and lot. */
    public void pickAll(OrderId order) {
        for (JsonNode line : pickList(order).json().path("lines")) {
            Api.Response picked = scan(order, "]C101" + GTINS.get(ProductId.of(line.path("productId").asString()))
                    + "10" + line.path("lot").asString());
            assertThat(picked.status()).as(picked.body()).isEqualTo(200);
        }
    }

    /** Reserved, picked, cut and packed: the shipment's id. */
    public String shipNewOrder(OrderId order) {
        awaitReserved(order);
        pickAll(order);
        assertThat(as("warehouse").postJson("/api/v1/warehouse/orders/" + order + "/cuts/1", "{}").status())
                .isEqualTo(200);
        Api.Response packed = as("warehouse").postJson("/api/v1/warehouse/orders/" + order + "/pack", "{}");
        assertThat(packed.status()).as(packed.body()).isEqualTo(200);
        return packed.json().path("shipmentId").asString();
    }

    /** A machine client with the carrier's scope. */
    public Api carrier() {
        Api.Response created = as("admin").postJson("/api/v1/api-keys",
                "{\"name\":\"Carrier " + UUID.randomUUID() + "\",\"scopes\":[\"CARRIER_EVENTS\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Api.withHeader(port, "X-API-Key", created.json().path("key").asString());
    }

    public static String event(String id, String type, Instant at) {
        return """
                {"carrierEventId":"%s","type":"%s","occurredAt":"%s","note":"test"}""".formatted(id, type, at);
    }
}
