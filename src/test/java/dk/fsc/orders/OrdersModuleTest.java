package dk.fsc.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dk.fsc.assortment.ProductId;
import dk.fsc.citizens.CitizenId;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The orders module with the modules it depends on: the events it publishes on the way from
 * placement to delivery, and its public API for the warehouse. Orders are placed and decided
 * through the real API.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "shared",
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class OrdersModuleTest {

    static final ProductId FLAT_BASEPLATE = ProductId.of("b0000000-0000-4000-8000-000000000005");
    static final ProductId ONE_PIECE_BAG = ProductId.of("b0000000-0000-4000-8000-000000000001");
    static final MunicipalityCode AARHUS = new MunicipalityCode("751");

    @LocalServerPort
    int port;

    @Autowired
    Orders orders;

    @Autowired
    Clock clock;

    Api as(String user) {
        return Api.as(port, user, "demo");
    }

    /** A new citizen of Aarhus granted 20 flat baseplates and 20 bags a month. */
    CitizenId aarhusCitizenWithAGrant() {
        String citizen = Citizens.register(as("caseworker-aarhus"), "751", "Modul Testesen");
        Api.Response granted = as("caseworker-aarhus").postJson("/api/v1/citizens/" + citizen + "/grants", """
                {"validFrom":"2020-01-01","lines":[{"productId":"%s","quantity":20,"period":"MONTH"},
                 {"productId":"%s","quantity":20,"period":"MONTH"}]}""".formatted(FLAT_BASEPLATE, ONE_PIECE_BAG));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        return CitizenId.of(citizen);
    }

    OrderId place(CitizenId citizen, int plates) {
        Api.Response placed = as("agent").postJson("/api/v1/orders", """
                {"citizenId":"%s","channel":"PHONE","deliveryDate":"%s",
                 "lines":[{"productId":"%s","quantity":%d,"holeDiameterMm":32},{"productId":"%s","quantity":2}]}"""
                .formatted(citizen, wantedDate(), FLAT_BASEPLATE, plates, ONE_PIECE_BAG));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return OrderId.of(placed.json().path("id").asString());
    }

    LocalDate wantedDate() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME)).plusDays(7);
    }

    @Test
    void anOrderWithinTheLimitsIsAcceptedAtOnceAndOrderAcceptedCarriesItsDeliveryFacts(Scenario scenario) {
        CitizenId citizen = aarhusCitizenWithAGrant();

        scenario.stimulate(() -> place(citizen, 10))
                .andWaitForEventOfType(OrderAccepted.class)
                .matching(accepted -> accepted.order().citizenId().equals(citizen))
                .toArriveAndVerify((accepted, orderId) -> {
                    DeliveryFacts facts = accepted.order();
                    assertThat(facts.orderId()).isEqualTo(orderId);
                    assertThat(facts.status()).isEqualTo(OrderStatus.ACCEPTED);
                    assertThat(facts.municipality()).isEqualTo(AARHUS);
                    assertThat(facts.paidBy()).isEqualTo(AARHUS);
                    assertThat(facts.lines()).containsExactly(new OrderLine(FLAT_BASEPLATE, 10, 32),
                            new OrderLine(ONE_PIECE_BAG, 2, null));
                    assertThat(facts.deliveryAddress()).isEqualTo(new DeliveryAddress("Testvej 1", "8000", "Aarhus C"));
                    assertThat(facts.wantedDate()).isEqualTo(wantedDate());
                    assertThat(accepted.acceptedBy()).isEqualTo("agent");
                });
    }

    @Test
    void anOrderOverTheLimitIsAcceptedByTheCaseworkersApprovalAndOnlyThenPublishesOrderAccepted(Scenario scenario) {
        CitizenId citizen = aarhusCitizenWithAGrant();
        OrderId waiting = place(citizen, 25);
        assertThat(orders.deliveryFacts(waiting)).hasValueSatisfying(
                facts -> assertThat(facts.status()).isEqualTo(OrderStatus.AWAITING_APPROVAL));

        scenario.stimulate(() -> as("caseworker-aarhus").postJson("/api/v1/orders/" + waiting + "/approve", "{}"))
                .andWaitForEventOfType(OrderAccepted.class)
                .matching(accepted -> accepted.order().orderId().equals(waiting))
                .toArriveAndVerify(accepted -> {
                    assertThat(accepted.acceptedBy()).isEqualTo("caseworker-aarhus");
                    assertThat(accepted.order().lines()).contains(new OrderLine(FLAT_BASEPLATE, 25, 32));
                });
    }

    @Test
    void theWarehouseTakesAnAcceptedOrderThroughPickedShippedAndDeliveredInThatOrderOnly(Scenario scenario) {
        OrderId order = place(aarhusCitizenWithAGrant(), 5);
        Instant now = clock.instant();

        assertThatThrownBy(() -> orders.markShipped(order, "warehouse", now)).isInstanceOf(ConflictException.class);
        assertThat(orders.markPicked(order, "warehouse", now).status()).isEqualTo(OrderStatus.PICKING);
        assertThat(orders.markPicked(order, "warehouse", now).status()).as("a repeated step changes nothing")
                .isEqualTo(OrderStatus.PICKING);
        assertThat(orders.markShipped(order, "warehouse", now).status()).isEqualTo(OrderStatus.SHIPPED);

        scenario.stimulate(() -> orders.markDelivered(order, "carrier", now))
                .andWaitForEventOfType(OrderDelivered.class)
                .matching(delivered -> delivered.orderId().equals(order))
                .toArriveAndVerify(delivered -> {
                    assertThat(delivered.paidBy()).isEqualTo(AARHUS);
                    assertThat(delivered.deliveredAt()).isEqualTo(now);
                    assertThat(delivered.deliveredBy()).isEqualTo("carrier");
                    assertThat(delivered.lines()).containsExactly(new OrderLine(FLAT_BASEPLATE, 5, 32),
                            new OrderLine(ONE_PIECE_BAG, 2, null));
                });
        assertThat(orders.deliveryFacts(order)).hasValueSatisfying(
                facts -> assertThat(facts.status()).isEqualTo(OrderStatus.DELIVERED));
        assertThat(as("agent").get("/api/v1/orders/" + order).json().path("history")).hasSize(4);
        assertThat(orders.deliveryFacts(new OrderId(UUID.randomUUID()))).isEmpty();
    }
}
