package dk.fsc.statistics;

import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.citizens.CitizenId;
import dk.fsc.grants.Grants;
import dk.fsc.orders.OrderDelivered;
import dk.fsc.orders.OrderId;
import dk.fsc.orders.OrderLine;
import dk.fsc.orders.OrderPlaced;
import dk.fsc.orders.OrderStatus;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.ReferenceData;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import dk.fsc.testing.WebSession;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The stoma area's key figures per region (E7) from the platform's own data: a year's delivered
 * stoma products and the citizens with a stoma grant at its end (the grants' API), beside the
 * source's figures with the difference; for the region's and FSC's staff only.
 */
@FscIntegrationTest
class StomaKeyFiguresTest {

    private static final ProductId FLAT_BASEPLATE = new ProductId(UUID.fromString("b0000000-0000-4000-8000-000000000005"));

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Grants grants;

    @Autowired
    Assortment assortment;

    @Autowired
    ReferenceData referenceData;

    @Autowired
    TestClock clock;

    @Test
    void aYearsDeliveredSpendAndTheCitizensWithAGrantAtItsEndStandBesideTheSourcesFigures() {
        OrderId order = new OrderId(UUID.randomUUID());
        CitizenId citizen = new CitizenId(UUID.randomUUID());
        MunicipalityCode aarhus = new MunicipalityCode("751");
        List<OrderLine> lines = List.of(new OrderLine(FLAT_BASEPLATE, 7, null));
        transactions.executeWithoutResult(status -> events.publishEvent(
                new OrderPlaced(order, citizen, aarhus, OrderStatus.ACCEPTED, LocalDate.of(2033, 3, 1), lines)));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("order_fact", order) == 1);
        transactions.executeWithoutResult(status -> events.publishEvent(new OrderDelivered(order, citizen, aarhus, lines,
                Instant.parse("2033-03-03T10:00:00Z"), "warehouse")));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("delivered_line", order) == 1);
        clock.setDanish(LocalDate.of(2034, 2, 1).atTime(9, 0));

        JsonNode figures = Api.as(port, "analyst", "demo").get("/api/v1/statistics/stoma-key-figures?year=2033").json();
        assertThat(figures.path("from").asString()).isEqualTo("2033-01-01");
        assertThat(figures.path("to").asString()).isEqualTo("2033-12-31");
        JsonNode midt = region(figures, "1082");
        long spendOre = 7 * assortment.priceOn(FLAT_BASEPLATE, LocalDate.of(2033, 3, 3)).orElseThrow();
        List<String> codes = referenceData.municipalities().stream().filter(m -> m.regionCode().equals("1082"))
                .map(Municipality::code).toList();
        long citizens = grants.citizensWithGrantInArea("STOMA", LocalDate.of(2033, 12, 31)).entrySet().stream()
                .filter(e -> codes.contains(e.getKey().value())).mapToLong(Map.Entry::getValue).sum();
        assertThat(citizens).as("at least the demo's stoma grant of Aarhus").isPositive();
        assertThat(midt.path("citizens").asLong()).isEqualTo(citizens);
        assertThat(midt.path("spendKroner").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(spendOre, 2));
        assertThat(midt.path("spendPerCitizenKroner").decimalValue()).as("kroner with øre, half up")
                .isEqualByComparingTo(BigDecimal.valueOf(spendOre).divide(BigDecimal.valueOf(citizens * 100), 2,
                        RoundingMode.HALF_UP));
        assertThat(midt.path("source").path("spendPerCitizenKroner").decimalValue()).isEqualByComparingTo("17937.50");
        assertThat(midt.path("difference").path("citizens").asLong()).isEqualTo(citizens - 4_800);
        assertThat(midt.path("difference").path("spendKroner").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(spendOre, 2).subtract(new BigDecimal("86100000")));
        JsonNode syd = region(figures, "1083");
        assertThat(syd.path("citizens").asLong()).as("the platform holds no municipality of Syddanmark").isZero();
        assertThat(syd.path("spendPerCitizenKroner").isNull()).as("no citizens, no figure per citizen").isTrue();
        assertThat(syd.path("source").path("spendKroner").decimalValue()).isEqualByComparingTo("71600000.00");

        assertThat(Api.as(port, "caseworker-aarhus", "demo").get("/api/v1/statistics/stoma-key-figures").status())
                .isEqualTo(403);
        assertThat(fields(assertProblem(Api.as(port, "finance", "demo")
                .get("/api/v1/statistics/stoma-key-figures?year=2035"), 400))).containsExactly("year");
        String page = WebSession.logIn(port, "analyst", "demo").get("/business-cases?year=20x3").body();
        assertThat(page).contains("key-figures-table", "17.937,50", "17.900,00", "year-error",
                "Skriv et år fra 2000 til i år, fx 2026.");
        assertThat(WebSession.logIn(port, "caseworker-aarhus", "demo").get("/business-cases").body())
                .doesNotContain("key-figures");
    }

    private long count(String table, OrderId order) {
        return jdbc.sql("select count(*) from statistics." + table + " where order_id = ?").param(order.value())
                .query(Long.class).single();
    }

    private static JsonNode region(JsonNode figures, String code) {
        for (JsonNode region : figures.path("regions")) {
            if (region.path("code").asString().equals(code)) {
                return region;
            }
        }
        throw new AssertionError("No region " + code);
    }
}
