package dk.fsc.orders;

import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import java.util.stream.Stream;

import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Grant periods, monthly and quarterly limits and standing orders at the hard moments, end to end
 * through the API with the application's clock set to each: the last hour of a month, New Year's Eve
 * 23:30 in Copenhagen, the last hour of a quarter in summer time (two hours ahead of UTC) and both
 * daylight-saving nights. Every day, month and quarter is Copenhagen's, never UTC's.
 */
@FscIntegrationTest
class PeriodBoundariesTest {

    static final String FLAT_BASEPLATE = "b0000000-0000-4000-8000-000000000005";
    static final String ONE_PIECE_BAG = "b0000000-0000-4000-8000-000000000001";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    static Stream<Arguments> hardMoments() {
        return Stream.of(
                moment("last hour of November", "2026-11-30T22:30:00Z", "2026-11-30", "2026-11-30T23:30:00Z",
                        "2026-12-01"),
                moment("31 December 23:30", "2026-12-31T22:30:00Z", "2026-12-31", "2026-12-31T23:30:00Z",
                        "2027-01-01"),
                moment("last day of February", "2027-02-28T22:30:00Z", "2027-02-28", "2027-02-28T23:30:00Z",
                        "2027-03-01"),
                moment("last hour of March in summer time", "2027-03-31T21:30:00Z", "2027-03-31",
                        "2027-03-31T22:30:00Z", "2027-04-01"),
                moment("the night summer time begins", "2027-03-28T00:30:00Z", "2027-03-28", "2027-03-28T01:30:00Z",
                        "2027-03-28"),
                moment("the night summer time ends, 02:30 twice", "2026-10-25T00:30:00Z", "2026-10-25",
                        "2026-10-25T01:30:00Z", "2026-10-25"),
                moment("last hour of October, just after winter time began", "2026-10-31T22:30:00Z", "2026-10-31",
                        "2026-10-31T23:30:00Z", "2026-11-01"));
    }

    static Arguments moment(String name, String before, String dayBefore, String after, String dayAfter) {
        return Arguments.of(name, Instant.parse(before), LocalDate.parse(dayBefore), Instant.parse(after),
                LocalDate.parse(dayAfter));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hardMoments")
    void ordersCountInTheCopenhagenMonthAndQuarterOfTheirMoment(String name, Instant before, LocalDate dayBefore,
            Instant after, LocalDate dayAfter) {
        String citizen = citizenWithGrant("2020-01-01", null);

        clock.set(before);
        JsonNode plates = place(citizen, FLAT_BASEPLATE, 3);
        assertThat(plates.path("orderDate").asString()).isEqualTo(dayBefore.toString());
        assertThat(plates.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(place(citizen, ONE_PIECE_BAG, 4).path("status").asString()).isEqualTo("ACCEPTED");

        clock.set(after);
        boolean newMonth = !YearMonth.from(dayAfter).equals(YearMonth.from(dayBefore));
        boolean newQuarter = newMonth && (dayAfter.getMonthValue() - 1) / 3 != (dayBefore.getMonthValue() - 1) / 3;
        JsonNode plateLine = consumption(citizen, FLAT_BASEPLATE);
        assertThat(plateLine.path("periodFrom").asString()).isEqualTo(dayAfter.withDayOfMonth(1).toString());
        assertThat(plateLine.path("periodTo").asString())
                .isEqualTo(YearMonth.from(dayAfter).atEndOfMonth().toString());
        assertThat(plateLine.path("used").asInt()).isEqualTo(newMonth ? 0 : 3);
        assertThat(consumption(citizen, ONE_PIECE_BAG).path("used").asInt()).isEqualTo(newQuarter ? 0 : 4);

        JsonNode nextPlate = place(citizen, FLAT_BASEPLATE, 1);
        assertThat(nextPlate.path("orderDate").asString()).isEqualTo(dayAfter.toString());
        assertThat(nextPlate.path("status").asString()).isEqualTo(newMonth ? "ACCEPTED" : "AWAITING_APPROVAL");
        assertThat(place(citizen, ONE_PIECE_BAG, 1).path("status").asString())
                .isEqualTo(newQuarter ? "ACCEPTED" : "AWAITING_APPROVAL");
    }

    @Test
    void aGrantEndingOnNewYearsEveCoversUntilMidnightInCopenhagenNotInUtc() {
        String citizen = citizenWithGrant("2026-01-01", "2026-12-31");

        clock.set(Instant.parse("2026-12-31T22:30:00Z"));
        assertThat(place(citizen, FLAT_BASEPLATE, 1).path("status").asString()).isEqualTo("ACCEPTED");

        clock.set(Instant.parse("2026-12-31T23:30:00Z"));
        assertThat(api("agent").get("/api/v1/citizens/" + citizen + "/consumption").json()).isEmpty();
        JsonNode refused = assertProblem(order(citizen, FLAT_BASEPLATE, 1), 400);
        assertThat(fields(refused)).containsExactly("lines[0]");
    }

    @Test
    void aStandingOrderDueOnNewYearsDayRunsAtCopenhagenMidnightAndOnce() {
        String citizen = citizenWithGrant("2020-01-01", null);
        Api.Response standing = api("agent").postJson("/api/v1/citizens/" + citizen + "/standing-orders",
                "{\"everyWeeks\":4,\"firstRunOn\":\"2027-01-01\",\"channel\":\"PHONE\",\"lines\":[{\"productId\":\"%s\",\"quantity\":2}]}"
                        .formatted(ONE_PIECE_BAG));
        assertThat(standing.status()).as(standing.body()).isEqualTo(201);

        clock.set(Instant.parse("2026-12-31T22:30:00Z"));
        runStandingOrders();
        assertThat(ordersOf(citizen)).isEmpty();

        clock.set(Instant.parse("2026-12-31T23:30:00Z"));
        runStandingOrders();
        runStandingOrders();
        JsonNode orders = ordersOf(citizen);
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).path("orderDate").asString()).isEqualTo("2027-01-01");
        assertThat(api("agent").get("/api/v1/citizens/" + citizen + "/standing-orders").json().get(0)
                .path("nextRunOn").asString()).isEqualTo("2027-01-29");
    }

    Api api(String user) {
        return Api.as(port, user, "demo");
    }

    String citizenWithGrant(String validFrom, String validTo) {
        String citizen = Citizens.register(api("caseworker-aarhus"), "751", "Periode Testesen");
        Api.Response made = api("caseworker-aarhus").postJson("/api/v1/citizens/" + citizen + "/grants", """
                {"validFrom":"%s",%s"lines":[{"productId":"%s","quantity":3,"period":"MONTH"},
                 {"productId":"%s","quantity":4,"period":"QUARTER"}]}"""
                .formatted(validFrom, validTo == null ? "" : "\"validTo\":\"" + validTo + "\",", FLAT_BASEPLATE,
                        ONE_PIECE_BAG));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return citizen;
    }

    JsonNode place(String citizen, String product, int quantity) {
        Api.Response placed = order(citizen, product, quantity);
        assertThat(placed.status()).as(placed.body()).isIn(200, 201);
        return placed.json();
    }

    Api.Response order(String citizen, String product, int quantity) {
        return api("agent").postJson("/api/v1/orders",
                "{\"citizenId\":\"%s\",\"channel\":\"PHONE\",\"lines\":[{\"productId\":\"%s\",\"quantity\":%d%s}]}"
                        .formatted(citizen, product, quantity,
                                product.equals(FLAT_BASEPLATE) ? ",\"holeDiameterMm\":30" : ""),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    JsonNode consumption(String citizen, String product) {
        for (JsonNode line : api("agent").get("/api/v1/citizens/" + citizen + "/consumption").json()) {
            if (line.path("productId").toString().contains(product)) {
                return line;
            }
        }
        throw new AssertionError("no grant line for " + product);
    }

    void runStandingOrders() {
        assertThat(api("admin").postJson("/api/v1/standing-orders/run", "{}").status()).isEqualTo(200);
    }

    JsonNode ordersOf(String citizen) {
        return api("agent").get("/api/v1/citizens/" + citizen + "/orders").json().path("items");
    }
}
