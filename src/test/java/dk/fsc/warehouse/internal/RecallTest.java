package dk.fsc.warehouse.internal;

import static dk.fsc.testing.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import dk.fsc.orders.OrderId;
import dk.fsc.orders.OrderStatus;
import dk.fsc.orders.Orders;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import dk.fsc.warehouse.WarehouseSteps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A recall from the lot to the municipalities' lists: a delivered order's citizen listed for
 * their municipality's caseworkers only (audited, no CPR), a shipped order stopped, an order
 * still to pick reserved again from another lot, the lot refused at every scan.
 */
@FscIntegrationTest
class RecallTest {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRecalledLotIsReleasedReReservedStoppedAndItsRecipientsGoToTheirMunicipality() {
        WarehouseSteps steps = new WarehouseSteps(port);
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        String lot = steps.receiveFlatBaseplates(20, today.plusDays(38));

        OrderId delivered = steps.placeForANewCitizen(2, today);
        String deliveredShipment = steps.shipNewOrder(delivered);
        Api carrier = steps.carrier();
        assertThat(carrier.postJson("/api/v1/shipments/" + deliveredShipment + "/events",
                WarehouseSteps.event("recall-d-" + delivered, "DELIVERED", clock.instant())).status()).isEqualTo(201);
        OrderId shipped = steps.placeForANewCitizen(2, today);
        steps.shipNewOrder(shipped);
        OrderId toPick = steps.placeForANewCitizen(3, today);
        assertThat(steps.awaitReserved(toPick).path("lines").toString()).contains(lot);

        String path = "/api/v1/warehouse/recalls";
        Api.Response bad = steps.as("admin").postJson(path, "{\"productId\":\"" + WarehouseSteps.FLAT_BASEPLATE
                + "\",\"lot\":\"NOSUCHLOT\",\"noticeDate\":\"" + today.plusDays(1) + "\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors")).extracting(error -> error.path("field").asString())
                .containsExactlyInAnyOrder("lot", "supplierNotice", "noticeDate", "reason");
        String recall = """
                {"productId":"%s","lot":"%s","supplierNotice":"FSN-2026-17","noticeDate":"%s",
                 "reason":"Klæbeevnen svigter"}""".formatted(WarehouseSteps.FLAT_BASEPLATE, lot, today);
        assertProblem(steps.as("warehouse").postJson(path, recall), 403);

        Api.Response recalled = steps.as("admin").postJson(path, recall);
        assertThat(recalled.status()).as(recalled.body()).isEqualTo(201);
        JsonNode outcome = recalled.json();
        assertThat(outcome.path("linesReservedAgain").asInt()).isEqualTo(1);
        assertThat(outcome.path("stopped")).singleElement()
                .satisfies(stop -> assertThat(stop.path("orderId").asString()).isEqualTo(shipped.toString()));
        String citizen = orders.deliveryFacts(delivered).orElseThrow().citizenId().toString();
        assertThat(outcome.path("recipients")).singleElement().satisfies(recipient -> {
            assertThat(recipient.path("citizenId").asString()).isEqualTo(citizen);
            assertThat(recipient.path("citizenName").asString()).isEqualTo("Lager Testesen");
            assertThat(recipient.path("municipalityCode").asString()).isEqualTo("751");
            assertThat(recipient.path("quantity").asInt()).isEqualTo(2);
        });
        assertThat(recalled.body()).doesNotContainPattern("\\b\\d{6}-\\d{4}\\b");
        assertProblem(steps.as("admin").postJson(path, recall), 409);

        JsonNode list = steps.pickList(toPick).json();
        assertThat(list.path("lines").toString()).doesNotContain(lot);
        assertThat(list.path("lines")).anySatisfy(line -> assertThat(line.path("productId").asString())
                .isEqualTo(WarehouseSteps.FLAT_BASEPLATE.toString()));
        assertThat(steps.pickList(shipped).json().path("status").asString()).isEqualTo("STOPPED");
        assertThat(orders.deliveryFacts(shipped).orElseThrow().status()).as("the order shows it too")
                .isEqualTo(OrderStatus.STOPPED);
        assertThat(jdbc.sql("select reserved from warehouse.stock where lot = ?").param(lot).query(Integer.class)
                .single()).isZero();

        Api.Response scanned = steps.scan(toPick, "]C101" + WarehouseSteps.GTINS.get(WarehouseSteps.FLAT_BASEPLATE)
                + "10" + lot);
        assertThat(scanned.status()).isEqualTo(400);
        assertThat(scanned.body()).contains("is recalled");
        WebSession warehouse = WebSession.logIn(port, "warehouse", "demo");
        assertThat(warehouse.post("/warehouse/receipts", "scan=" + URLEncoder.encode("(01)"
                + WarehouseSteps.GTINS.get(WarehouseSteps.FLAT_BASEPLATE) + "(17)" + WarehouseSteps.yymmdd(
                        today.plusDays(38)) + "(10)" + lot, StandardCharsets.UTF_8) + "&quantity=1&locationCode=A-01-1")
                .body()).contains("Batch " + lot + " er tilbagekaldt");
        assertThat(warehouse.get("/warehouse/recalls").body()).contains(lot, "FSN-2026-17");

        assertThat(WebSession.logIn(port, "caseworker-aarhus", "demo").get("/").body())
                .contains("recall-recipients", citizen, "Lager Testesen", lot);
        assertThat(WebSession.logIn(port, "caseworker-randers", "demo").get("/").body()).doesNotContain(citizen);
        assertThat(jdbc.sql("select action from identity.audit_log where citizen_id = ? and action like 'warehouse.%'")
                .param(UUID.fromString(citizen)).query(String.class).list())
                .contains("warehouse.recipient", "warehouse.recall", "warehouse.recall-list");
    }
}
