package dk.fsc.warehouse.internal;

import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.fsc.orders.OrderId;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import dk.fsc.warehouse.WarehouseSteps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A short pick makes a count task for the lot at its location, once while it is open; the count
 * is registered through the API (or the page) and its difference booked as a stock adjustment.
 */
@FscIntegrationTest
class CountTasksTest {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void aShortPickMakesOneCountTaskPerLotAndLocationWhoseCountIsBookedAsAnAdjustment() {
        WarehouseSteps steps = new WarehouseSteps(port);
        Api warehouse = steps.as("warehouse");
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        String lot = steps.receiveFlatBaseplates(8, today.plusDays(37));
        OrderId order = steps.placeForANewCitizen(5, today);
        JsonNode line = lineOf(steps.awaitReserved(order), lot);
        String shortPicks = "/api/v1/warehouse/orders/" + order + "/short-picks";
        String report = "{\"line\":%d,\"lot\":\"%s\",\"locationCode\":\"A-01-1\",\"found\":%d,\"reasonCode\":\"%s\"}";
        assertThat(line.path("locationCode").asString()).isEqualTo("A-01-1");
        assertThat(line.path("quantity").asInt()).isEqualTo(5);

        Api.Response reported = warehouse.postJson(shortPicks, report.formatted(line.path("line").asInt(), lot, 1,
                "MISSING"));
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        List<JsonNode> tasks = tasksOf(warehouse, lot);
        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.path("productId").asString()).isEqualTo(WarehouseSteps.FLAT_BASEPLATE.toString());
            assertThat(task.path("expected").asInt()).as("8 - 1 picked - 4 missing").isEqualTo(3);
            assertThat(task.path("reason").asString()).isEqualTo("MISSING");
            assertThat(task.path("status").asString()).isEqualTo("OPEN");
            assertThat(task.path("createdBy").asString()).isEqualTo("warehouse");
        });
        String taskId = tasks.getFirst().path("id").asString();

        JsonNode again = lineOf(reported.json(), lot);
        assertThat(again.path("quantity").asInt() - again.path("picked").asInt())
                .as("the three left on the shelf reserved again").isEqualTo(3);
        assertThat(warehouse.postJson(shortPicks, report.formatted(again.path("line").asInt(), lot, 0, "DAMAGED"))
                .status()).isEqualTo(200);
        assertThat(tasksOf(warehouse, lot)).as("one open task per lot and location").singleElement()
                .satisfies(task -> assertThat(task.path("id").asString()).isEqualTo(taskId));

        WebSession session = WebSession.logIn(port, "warehouse", "demo");
        assertThat(session.get("/").body()).as("the start page's panel").contains("Optællinger (", lot);
        assertThat(session.get("/warehouse/count-tasks").body()).contains("Optællinger", lot,
                "Systemet forventer 3 stk. Mangel ved pluk (mangler)");
        assertThat(session.post("/warehouse/count-tasks/" + taskId, "counted=-1").body())
                .contains("Skriv det optalte antal som et helt tal");

        String count = "/api/v1/warehouse/count-tasks/" + taskId + "/count";
        String ledgerBefore = warehouse.get("/api/v1/warehouse/ledger?productId=" + WarehouseSteps.FLAT_BASEPLATE
                + "&lot=" + lot).body();
        assertThat(fields(assertProblem(warehouse.postJson(count, "{}"), 400))).containsExactly("counted");
        assertThat(fields(assertProblem(warehouse.postJson(count, "{\"counted\":-1}"), 400))).containsExactly("counted");
        assertThat(fields(assertProblem(warehouse.postJson(count, "{\"counted\":1000001}"), 400)))
                .containsExactly("counted");
        assertProblem(warehouse.postJson(count, "{\"counted\":\"many\"}"), 400);
        assertProblem(warehouse.postJson("/api/v1/warehouse/count-tasks/" + UUID.randomUUID() + "/count",
                "{\"counted\":1}"), 404);
        assertProblem(steps.as("agent").postJson(count, "{\"counted\":1}"), 403);
        assertThat(warehouse.get("/api/v1/warehouse/ledger?productId=" + WarehouseSteps.FLAT_BASEPLATE + "&lot=" + lot)
                .body()).as("nothing changed by a refusal").isEqualTo(ledgerBefore);

        Api.Response counted = warehouse.postJson(count, "{\"counted\":2}");
        assertThat(counted.status()).as(counted.body()).isEqualTo(200);
        assertThat(counted.json().path("status").asString()).isEqualTo("DONE");
        assertThat(counted.json().path("counted").asInt()).isEqualTo(2);
        assertThat(counted.json().path("difference").asInt()).as("both short picks took the shelf to 0").isEqualTo(2);
        assertThat(counted.json().path("countedBy").asString()).isEqualTo("warehouse");
        JsonNode adjustment = warehouse.get("/api/v1/warehouse/ledger?productId=" + WarehouseSteps.FLAT_BASEPLATE
                + "&lot=" + lot).json().get(0);
        assertThat(adjustment.path("kind").asString()).isEqualTo("ADJUSTMENT");
        assertThat(adjustment.path("quantity").asInt()).isEqualTo(2);
        assertThat(adjustment.path("reason").asString()).isEqualTo("COUNT: MISSING");
        assertThat(tasksOf(warehouse, lot)).isEmpty();

        assertThat(fields(assertProblem(warehouse.inLanguage("da").postJson(count, "{\"counted\":2}"), 409)))
                .as("counted twice").containsExactly("counted");
        assertThat(session.post("/warehouse/count-tasks/" + taskId, "counted=2").body())
                .contains("Optællingen er allerede registreret");
        assertThat(session.get("/warehouse/stock/" + WarehouseSteps.FLAT_BASEPLATE + "?lot=" + lot).body())
                .contains("optælling: mangler");
        assertThat(warehouse.postJson("/api/v1/warehouse/adjustments", """
                {"productId":"%s","lot":"%s","locationCode":"A-01-1","quantity":-2,"reasonCode":"DAMAGED"}"""
                .formatted(WarehouseSteps.FLAT_BASEPLATE, lot)).status())
                .as("the shelf emptied, so that no later test reserves this early lot").isEqualTo(200);
    }

    private static List<JsonNode> tasksOf(Api warehouse, String lot) {
        List<JsonNode> tasks = new ArrayList<>();
        for (JsonNode task : warehouse.get("/api/v1/warehouse/count-tasks").json()) {
            if (task.path("lot").asString().equals(lot)) {
                tasks.add(task);
            }
        }
        return tasks;
    }

    private static JsonNode lineOf(JsonNode list, String lot) {
        for (JsonNode line : list.path("lines")) {
            if (line.path("lot").asString().equals(lot) && line.path("picked").asInt() < line.path("quantity").asInt()) {
                return line;
            }
        }
        throw new AssertionError("no open line of " + lot + " in " + list);
    }
}
