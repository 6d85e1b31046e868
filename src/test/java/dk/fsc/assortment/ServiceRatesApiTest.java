package dk.fsc.assortment;

import static dk.fsc.assortment.AssortmentFixtures.FLAT_BASEPLATE;
import static dk.fsc.assortment.AssortmentFixtures.state;
import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@FscIntegrationTest
class ServiceRatesApiTest {

    static final String DISPENSER_CONNECT = "b0000000-0000-4000-8000-000000000042";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "demo");
    }

    static JsonNode rate(JsonNode rates, String kind) {
        for (JsonNode rate : rates) {
            if (rate.path("kind").asString().equals(kind)) {
                return rate;
            }
        }
        throw new AssertionError("no " + kind + " rate in " + rates);
    }

    @Test
    void answersTheRatesValidOnADate() {
        JsonNode in2025 = Api.as(port, "finance", "demo").get("/api/v1/service-rates?date=2025-06-01").json();
        JsonNode in2026 = admin.get("/api/v1/service-rates?date=2026-06-01").json();

        assertThat(rate(in2025, "SUPPORT").path("amountOre").asLong()).isEqualTo(1250);
        assertThat(rate(in2025, "SUPPORT").path("unit").asString()).isEqualTo("MINUTE");
        assertThat(rate(in2025, "SUPPORT").path("demoFigure").asBoolean()).isTrue();
        assertThat(rate(in2026, "SUPPORT").path("amountOre").asLong()).isEqualTo(1295);
        assertThat(rate(in2026, "BASE_CONTRIBUTION").path("amountOre").asLong()).isEqualTo(270_000_000L);
        assertThat(rate(in2026, "BASE_CONTRIBUTION").path("demoFigure").asBoolean()).isFalse();
        assertThat(in2026.findValuesAsString("kind")).contains("SERVICE", "SETUP", "TAKEDOWN", "ON_SITE_SUPPORT",
                "CONSULTANCY", "HOLE_CUTTING", "DELIVERY", "STORAGE", "DEVICE_LEASE");
        assertThat(in2026.findValuesAsString("productId")).contains(DISPENSER_CONNECT);
        assertThat(admin.get("/api/v1/service-rates?date=2024-06-01").json()).isEmpty();
        assertThat(admin.get("/api/v1/service-rates").json().findValuesAsString("kind")).contains("SUPPORT");
        assertThat(fields(assertProblem(admin.get("/api/v1/service-rates?date=tomorrow"), 400)))
                .containsExactly("date");
    }

    @Test
    void anAdministratorAddsAFutureRateThatLeavesTodaysAsItIs() {
        long today = rate(admin.get("/api/v1/service-rates").json(), "HOLE_CUTTING").path("amountOre").asLong();

        Api.Response added = admin.postJson("/api/v1/service-rates",
                "{\"kind\":\"HOLE_CUTTING\",\"validFrom\":\"2036-01-01\",\"amountOre\":475}");

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("demoFigure").asBoolean()).isFalse();
        assertThat(rate(admin.get("/api/v1/service-rates").json(), "HOLE_CUTTING").path("amountOre").asLong())
                .isEqualTo(today);
        assertThat(rate(admin.get("/api/v1/service-rates?date=2036-01-01").json(), "HOLE_CUTTING")
                .path("amountOre").asLong()).isEqualTo(475);
        assertThat(fields(assertProblem(admin.postJson("/api/v1/service-rates",
                "{\"kind\":\"HOLE_CUTTING\",\"validFrom\":\"2036-01-01\",\"amountOre\":480}"), 409)))
                .containsExactly("validFrom");
    }

    @Test
    void aLeaseRateIsPerDeviceModelAndOtherRatesAreNot() {
        List<String> before = state(jdbc);

        assertThat(fields(assertProblem(admin.postJson("/api/v1/service-rates",
                "{\"kind\":\"DEVICE_LEASE\",\"validFrom\":\"2036-01-01\",\"amountOre\":100}"), 400)))
                .containsExactly("productId");
        assertThat(fields(assertProblem(admin.postJson("/api/v1/service-rates",
                "{\"kind\":\"DEVICE_LEASE\",\"productId\":\"" + FLAT_BASEPLATE
                        + "\",\"validFrom\":\"2036-01-01\",\"amountOre\":100}"), 400)))
                .containsExactly("productId");
        assertThat(fields(assertProblem(admin.postJson("/api/v1/service-rates",
                "{\"kind\":\"SUPPORT\",\"productId\":\"" + DISPENSER_CONNECT
                        + "\",\"validFrom\":\"2036-01-01\",\"amountOre\":100}"), 400)))
                .containsExactly("productId");
        assertThat(fields(assertProblem(admin.postJson("/api/v1/service-rates",
                "{\"kind\":\"MASSAGE\",\"validFrom\":\"2020-01-01\",\"amountOre\":-1}"), 400)))
                .containsExactlyInAnyOrder("kind", "validFrom", "amountOre");
        assertThat(state(jdbc)).isEqualTo(before);

        Api.Response lease = admin.postJson("/api/v1/service-rates", "{\"kind\":\"DEVICE_LEASE\",\"productId\":\""
                + DISPENSER_CONNECT + "\",\"validFrom\":\"2036-02-01\",\"amountOre\":35900}");
        assertThat(lease.status()).as(lease.body()).isEqualTo(201);
        assertThat(lease.json().path("productName").asString()).isEqualTo("DoseTech Connect");
    }
}
