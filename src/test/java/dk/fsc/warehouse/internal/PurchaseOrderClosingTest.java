package dk.fsc.warehouse.internal;

import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import dk.fsc.assortment.ProductId;
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
 * A purchase order closed short: what was received stays, the rest stops counting as on order (so
 * the product is proposed again), nothing more is received or closed on it, and a receipt racing
 * the close either counts or is refused, never both half-way.
 */
@FscIntegrationTest
class PurchaseOrderClosingTest {

    /** A women's catheter: in the assortment, never in the demo stock, ordered by no other test. */
    static final ProductId CATHETERS = ProductId.of("b0000000-0000-4000-8000-000000000021");
    static final String CATHETERS_GTIN = "05700312500216";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void anOrderClosedShortKeepsWhatWasReceivedAndStopsCountingTheRestAsOnOrder() throws Exception {
        WarehouseSteps steps = new WarehouseSteps(port);
        Api warehouse = steps.as("warehouse");
        assertThat(warehouse.send("PUT", "/api/v1/warehouse/reorder-rules/" + CATHETERS, "application/json",
                "{\"reorderPoint\":50,\"reorderQuantity\":100}").status()).isEqualTo(200);
        String first = order(steps, 100);
        assertThat(receive(warehouse, first, 30).status()).isEqualTo(200);
        assertThat(proposed(warehouse)).as("30 received and 70 on order").isNull();

        String close = "/api/v1/warehouse/purchase-orders/" + first + "/close";
        String ledger = warehouse.get("/api/v1/warehouse/ledger?productId=" + CATHETERS).body();
        assertThat(fields(assertProblem(warehouse.postJson(close, "{}"), 400))).containsExactly("reason");
        assertThat(fields(assertProblem(warehouse.postJson(close, "{\"reason\":\"   \"}"), 400)))
                .containsExactly("reason");
        assertThat(fields(assertProblem(warehouse.postJson(close, "{\"reason\":\"" + "x".repeat(501) + "\"}"), 400)))
                .containsExactly("reason");
        assertProblem(warehouse.postJson("/api/v1/warehouse/purchase-orders/" + UUID.randomUUID() + "/close",
                "{\"reason\":\"x\"}"), 404);
        assertProblem(steps.as("agent").postJson(close, "{\"reason\":\"x\"}"), 403);
        assertThat(warehouse.get("/api/v1/warehouse/purchase-orders/" + first).json().path("order").path("status")
                .asString()).isEqualTo("OPEN");

        Api.Response closed = warehouse.postJson(close, "{\"reason\":\"" + "Udgået hos leverandøren ".repeat(25)
                .substring(0, 500) + "\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().path("order").path("status").asString()).isEqualTo("CLOSED_SHORT");
        assertThat(closed.json().path("order").path("closedBy").asString()).isEqualTo("warehouse");
        assertThat(closed.json().path("order").path("closedAt").asString()).isNotEmpty();
        assertThat(closed.json().path("order").path("closeReason").asString()).hasSize(500)
                .startsWith("Udgået hos leverandøren");
        assertThat(closed.json().path("lines").get(0).path("received").asInt()).isEqualTo(30);
        assertThat(warehouse.get("/api/v1/warehouse/ledger?productId=" + CATHETERS).body())
                .as("closing moves no stock").isEqualTo(ledger);
        JsonNode proposal = proposed(warehouse);
        assertThat(proposal).as("the 70 no longer on order").isNotNull();
        assertThat(proposal.path("onOrder").asInt()).isZero();
        assertThat(proposal.path("available").asInt()).isEqualTo(30);
        assertThat(proposal.path("quantity").asInt()).isEqualTo(100);

        assertThat(assertProblem(warehouse.inLanguage("da").postJson(close, "{\"reason\":\"igen\"}"), 409)
                .path("errors").get(0).path("message").asString()).as("closed twice").contains("er lukket");
        JsonNode refused = assertProblem(warehouse.inLanguage("da").postJson(
                "/api/v1/warehouse/purchase-orders/" + first + "/receipts", receipt(5)), 409);
        assertThat(fields(refused)).containsExactly("scan");
        assertThat(refused.path("errors").get(0).path("message").asString()).contains("resten kommer ikke");
        WebSession session = WebSession.logIn(port, "warehouse", "demo");
        String page = session.post("/warehouse/purchase-orders/" + first + "/receipts",
                "scan=" + scan() + "&quantity=5&locationCode=A-01-1").body();
        assertThat(page).contains("lukket, resten kommer ikke", "id=\"scan-error\"", "Udgået hos leverandøren");

        String second = order(steps, 100);
        assertThat(session.post("/warehouse/purchase-orders/" + second + "/close", "reason=").body())
                .contains("id=\"reason-error\"", "Skriv, hvorfor resten ikke kommer");
        assertThat(receive(warehouse, second, 100).json().path("order").path("status").asString())
                .isEqualTo("RECEIVED");
        assertThat(assertProblem(warehouse.inLanguage("da").postJson("/api/v1/warehouse/purchase-orders/" + second
                + "/close", "{\"reason\":\"for sent\"}"), 409).path("errors").get(0).path("message").asString())
                .as("received in full").contains("modtaget fuldt ud");

        assertThat(warehouse.send("PUT", "/api/v1/warehouse/reorder-rules/" + CATHETERS, "application/json",
                "{\"reorderPoint\":300,\"reorderQuantity\":100}").status()).isEqualTo(200);
        String third = order(steps, 200);
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Api.Response> receipt = race(start, () -> receive(warehouse, third, 200));
        CompletableFuture<Api.Response> closing = race(start, () -> warehouse.postJson(
                "/api/v1/warehouse/purchase-orders/" + third + "/close", "{\"reason\":\"Leverandøren lukker\"}"));
        start.countDown();
        List<Integer> statuses = List.of(receipt.get().status(), closing.get().status());
        assertThat(statuses).as("one wins, the other is refused").containsExactlyInAnyOrder(200, 409);
        JsonNode after = warehouse.get("/api/v1/warehouse/purchase-orders/" + third).json();
        if (receipt.get().status() == 200) {
            assertThat(after.path("order").path("status").asString()).isEqualTo("RECEIVED");
            assertThat(after.path("lines").get(0).path("received").asInt()).isEqualTo(200);
        } else {
            assertThat(after.path("order").path("status").asString()).isEqualTo("CLOSED_SHORT");
            assertThat(after.path("lines").get(0).path("received").asInt()).isZero();
        }
    }

    private static CompletableFuture<Api.Response> race(CountDownLatch start, Supplier<Api.Response> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return call.get();
        });
    }

    /** A purchase order made by the administrator from the catheters' supplier's proposal of {@code quantity}. */
    private String order(WarehouseSteps steps, int quantity) {
        JsonNode proposal = proposed(steps.as("warehouse"));
        assertThat(proposal).isNotNull();
        assertThat(proposal.path("quantity").asInt()).isEqualTo(quantity);
        Api.Response made = steps.as("admin").postJson("/api/v1/warehouse/purchase-orders",
                "{\"supplierId\":\"" + proposal.path("supplierId").asString() + "\",\"expectedDate\":\""
                        + today().plusDays(5) + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().path("lines")).singleElement()
                .satisfies(line -> assertThat(line.path("ordered").asInt()).isEqualTo(quantity));
        return made.json().path("order").path("id").asString();
    }

    /** The catheters' line of their supplier's proposal (with the supplier's id), or null when none is proposed. */
    private static JsonNode proposed(Api warehouse) {
        for (JsonNode supplier : warehouse.get("/api/v1/warehouse/reorder-proposals").json()) {
            for (JsonNode line : supplier.path("lines")) {
                if (line.path("productId").asString().equals(CATHETERS.toString())) {
                    return ((tools.jackson.databind.node.ObjectNode) line.deepCopy()).put("supplierId",
                            supplier.path("supplierId").asString());
                }
            }
        }
        return null;
    }

    private Api.Response receive(Api warehouse, String purchaseOrder, int quantity) {
        return warehouse.postJson("/api/v1/warehouse/purchase-orders/" + purchaseOrder + "/receipts", receipt(quantity));
    }

    private String receipt(int quantity) {
        return "{\"scan\":\"" + scan() + "\",\"quantity\":" + quantity + ",\"locationCode\":\"A-01-1\"}";
    }

    private String scan() {
        return "(01)" + CATHETERS_GTIN + "(17)" + WarehouseSteps.yymmdd(today().plusDays(400)) + "(10)CAT1";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
    }
}
