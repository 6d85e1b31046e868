package dk.fsc.warehouse.internal;

import static dk.fsc.testing.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.orders.DeliveryFacts;
import dk.fsc.orders.OrderAccepted;
import dk.fsc.orders.OrderId;
import dk.fsc.orders.OrderLine;
import dk.fsc.orders.OrderStatus;
import dk.fsc.orders.Orders;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import dk.fsc.warehouse.WarehouseSteps;
import org.apache.pdfbox.Loader;
import org.awaitility.Awaitility;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Cutting, packing and the carrier's API on the whole platform: a size outside the cutting range
 * refused at the task, the packing slip without a CPR number, carrier events idempotent and out
 * of order, bad keys and bad events refused, and two failed attempts on the agents' call list.
 */
@FscIntegrationTest
class ShipmentsTest {

    @LocalServerPort
    int port;

    @Autowired
    Orders orders;

    @Autowired
    PackingSlips packingSlips;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    WarehouseSteps steps() {
        return new WarehouseSteps(port);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
    }

    @Test
    void theCarrierReportsEventsOnceEachInAnyOrderAndTwoFailedAttemptsAskAnAgentToCall() {
        WarehouseSteps steps = steps();
        steps.receiveAnEarlyLotOfFlatBaseplates(3, today());
        OrderId order = steps.placeForANewCitizen(3, today());
        String shipment = steps.shipNewOrder(order);
        String tracking = steps.pickList(order).json().path("trackingNumber").asString();
        String events = "/api/v1/shipments/" + shipment + "/events";
        Api carrier = steps.carrier();

        JsonNode unknown = assertProblem(carrier.inLanguage("da").postJson("/api/v1/shipments/" + UUID.randomUUID()
                + "/events", WarehouseSteps.event("x-" + UUID.randomUUID(), "DELIVERED", clock.instant())), 404);
        assertThat(unknown.path("errors").get(0).path("field").asString()).isEqualTo("shipmentId");
        assertThat(unknown.path("errors").get(0).path("message").asString())
                .isEqualTo("Lageret har ingen forsendelse med dette id.");
        assertProblem(Api.anonymous(port).postJson(events, WarehouseSteps.event("a", "DELIVERED", clock.instant())),
                401);
        assertProblem(Api.withHeader(port, "X-API-Key", "fsc_nonsense").postJson(events,
                WarehouseSteps.event("b", "DELIVERED", clock.instant())), 401);
        assertProblem(steps.as("warehouse").postJson(events,
                WarehouseSteps.event("c", "DELIVERED", clock.instant())), 403);
        Api.Response bad = carrier.postJson(events, """
                {"carrierEventId":"","type":"LOST","occurredAt":"yesterday","note":"%s"}""".formatted("x".repeat(501)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors")).extracting(error -> error.path("field").asString())
                .containsExactlyInAnyOrder("carrierEventId", "type", "occurredAt", "note");
        assertThat(carrier.inLanguage("da").postJson(events, "{\"type\":\"LOST\"}").body())
                .as("the carrier's staff read the reasons in Danish")
                .contains("Typen skal være PICKED_UP", "Angiv transportørens hændelses-id");
        String route = steps.as("admin").postJson("/api/v1/warehouse/routes", """
                {"name":"Tirsdag %s","weekdays":["TUESDAY"],"postalCodes":["8000"]}""".formatted(order))
                .json().path("id").asString();

        String first = "f1-" + order;
        Api.Response failed = carrier.postJson(events, WarehouseSteps.event(first, "FAILED_ATTEMPT", clock.instant()));
        assertThat(failed.status()).as(failed.body()).isEqualTo(201);
        assertThat(failed.json().path("failedAttempts").asInt()).isEqualTo(1);
        assertThat(steps.pickList(order).json().path("deliveryDate").asString())
                .as("out again on the route's next day after the planned one").isEqualTo("2026-12-08");
        Api.Response again = carrier.postJson(events,
                WarehouseSteps.event(first, "FAILED_ATTEMPT", clock.instant().minusSeconds(60)));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).as("a repeat is answered as the first").isEqualTo(failed.body());
        WebSession agent = WebSession.logIn(port, "agent", "demo");
        assertThat(agent.get("/").body()).doesNotContain(tracking);

        assertThat(carrier.postJson(events, WarehouseSteps.event("f2-" + order, "FAILED_ATTEMPT",
                clock.instant().plus(Duration.ofMinutes(10)))).json().path("failedAttempts").asInt()).isEqualTo(2);
        assertThat(agent.get("/").body()).contains("id=\"call-citizens\"", tracking);
        steps.as("admin").send("DELETE", "/api/v1/warehouse/routes/" + route, "application/json", "");
        UUID citizenId = orders.deliveryFacts(order).orElseThrow().citizenId().value();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from support.task"
                + " where citizen_id = ? and owner_team = 'CALL_CENTER' and priority = 'HIGH' and title like ?")
                .params(citizenId, "Ring til borgeren: PostNord kunne ikke levere forsendelse " + tracking + "%")
                .query(Integer.class).single() == 1);
        assertThat(WebSession.logIn(port, "warehouse", "demo").get("/").body()).doesNotContain("call-citizens");

        Api.Response delivered = carrier.postJson(events, WarehouseSteps.event("d-" + order, "DELIVERED",
                clock.instant().plus(Duration.ofMinutes(20))));
        assertThat(delivered.json().path("shipmentStatus").asString()).isEqualTo("DELIVERED");
        Api.Response late = carrier.postJson(events, WarehouseSteps.event("p-" + order, "PICKED_UP",
                clock.instant().minus(Duration.ofHours(2))));
        assertThat(late.status()).isEqualTo(201);
        assertThat(late.json().path("shipmentStatus").asString()).as("a delivery is final").isEqualTo("DELIVERED");
        assertThat(orders.deliveryFacts(order).orElseThrow().status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(agent.get("/").body()).doesNotContain(tracking);

        String citizen = orders.deliveryFacts(order).orElseThrow().citizenId().toString();
        String page = agent.get("/citizens/" + citizen + "/orders").body();
        assertThat(page).contains(tracking, "Afhentet af fragtfirmaet", "Forgæves leveringsforsøg", "Leveret",
                "Batcher i forsendelsen");
        assertThat(page.indexOf("Afhentet af fragtfirmaet")).as("as they happened, not as they arrived")
                .isLessThan(page.indexOf("Forgæves leveringsforsøg"));
    }

    @Test
    void aRevokedKeyIsRefused() {
        Api.Response created = steps().as("admin").postJson("/api/v1/api-keys",
                "{\"name\":\"Carrier " + UUID.randomUUID() + "\",\"scopes\":[\"CARRIER_EVENTS\"]}");
        Api revoked = Api.withHeader(port, "X-API-Key", created.json().path("key").asString());
        assertThat(steps().as("admin").send("DELETE", "/api/v1/api-keys/" + created.json().path("apiKey").path("id")
                .asString(), "application/json", "").status()).isEqualTo(200);
        assertProblem(revoked.postJson("/api/v1/shipments/" + UUID.randomUUID() + "/events",
                WarehouseSteps.event("r-" + UUID.randomUUID(), "DELIVERED", clock.instant())), 401);
    }

    @Test
    void theCutterIsRefusedASizeOutsideTheRangeAndThePackingSlipHasNoCprNumber() throws Exception {
        WarehouseSteps steps = steps();
        OrderId order = steps.placeForANewCitizen(1, today());
        DeliveryFacts facts = orders.deliveryFacts(order).orElseThrow();
        steps.awaitReserved(order);

        OrderId outside = new OrderId(UUID.randomUUID());
        transactions.executeWithoutResult(status -> events.publishEvent(new OrderAccepted(new DeliveryFacts(outside,
                new CitizenId(UUID.randomUUID()), facts.municipality(), facts.paidBy(), OrderStatus.ACCEPTED,
                List.of(new OrderLine(WarehouseSteps.FLAT_BASEPLATE, 1, 300)), facts.deliveryAddress(),
                facts.orderDate(), facts.wantedDate()), clock.instant(), "agent")));
        steps.awaitReserved(outside);
        Api.Response refused = steps.as("warehouse").postJson("/api/v1/warehouse/orders/" + outside + "/cuts/1", "{}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("line");
        assertThat(refused.body()).contains("300");
        assertThat(steps.pickList(outside).json().path("cuttingTasks").get(0).path("cutAt").isNull()).isTrue();

        assertThat(steps.as("warehouse").get("/api/v1/warehouse/orders/" + order + "/packing-slip",
                "application/pdf, application/problem+json").status()).as("not packed yet").isEqualTo(409);
        steps.pickAll(order);
        assertThat(steps.as("warehouse").postJson("/api/v1/warehouse/orders/" + order + "/pack", "{}").status())
                .as("the plate is not cut").isEqualTo(409);
        assertThat(steps.as("warehouse").postJson("/api/v1/warehouse/orders/" + order + "/cuts/1", "{}").status())
                .isEqualTo(200);
        assertThat(steps.as("warehouse").postJson("/api/v1/warehouse/orders/" + order + "/pack", "{}").status())
                .isEqualTo(200);
        Api.Response pdf = steps.as("warehouse").get("/api/v1/warehouse/orders/" + order + "/packing-slip",
                "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");

        String tracking = steps.pickList(order).json().path("trackingNumber").asString();
        String text;
        try (var document = Loader.loadPDF(packingSlips.pdf(order.value()))) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Følgeseddel", "Lager Testesen", "Testvej 1", "8000 Aarhus C",
                "klippet til 32 mm", tracking);
        assertThat(text.replace(tracking, "")).doesNotContainPattern("\\d{6}-?\\d{4}");
    }
}
