package dk.fsc.warehouse.internal;

import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.citizens.CitizenId;
import dk.fsc.orders.DeliveryAddress;
import dk.fsc.orders.DeliveryFacts;
import dk.fsc.orders.OrderAccepted;
import dk.fsc.orders.OrderId;
import dk.fsc.orders.OrderLine;
import dk.fsc.orders.OrderStatus;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import dk.fsc.warehouse.WarehouseSteps;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Buying and returning stock on the whole platform: a reorder rule, the supplier's proposal made
 * a purchase order (CSV and PDF), goods received against it by scan (partial, over-receipt within
 * the tolerance, bad input refused with nothing changed) reserving the shortage list, the
 * expected date on the order pages; a short pick with its reason; citizens' returns restocked or
 * scrapped; the stock search and card.
 */
@FscIntegrationTest
class PurchasingAndReturnsTest {

    /** Lancets: in the assortment with a price, never in the demo stock, used by no other test. */
    static final ProductId LANCETS = ProductId.of("b0000000-0000-4000-8000-000000000036");
    static final String LANCETS_GTIN = "05700289400366";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    WarehousePanels.ShipmentOrderPanel orderPanel;

    @Autowired
    Assortment assortment;

    LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
    }

    @Test
    void aProposalBecomesAPurchaseOrderWhoseReceiptReservesTheShortageListAndShowsTheExpectedDate() {
        WarehouseSteps steps = new WarehouseSteps(port);
        Api warehouse = steps.as("warehouse");
        Api admin = steps.as("admin");
        String rule = "/api/v1/warehouse/reorder-rules/" + LANCETS;
        assertThat(fields(assertProblem(warehouse.send("PUT", rule, "application/json",
                "{\"reorderPoint\":-1,\"reorderQuantity\":0}"), 400)))
                .containsExactlyInAnyOrder("reorderPoint", "reorderQuantity");
        assertProblem(warehouse.send("PUT", "/api/v1/warehouse/reorder-rules/" + UUID.randomUUID(),
                "application/json", "{\"reorderPoint\":1,\"reorderQuantity\":1}"), 404);
        assertProblem(steps.as("agent").send("PUT", rule, "application/json",
                "{\"reorderPoint\":1,\"reorderQuantity\":1}"), 403);

        UUID order = acceptAnOrderOfLancets(40);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> steps.pickList(new OrderId(order)).status() == 200);
        assertThat(steps.pickList(new OrderId(order)).json().path("backorders").get(0).path("missing").asInt())
                .isEqualTo(40);
        assertThat(warehouse.send("PUT", rule, "application/json", "{\"reorderPoint\":10,\"reorderQuantity\":100}")
                .status()).isEqualTo(200);

        JsonNode proposal = proposalOfLancets(warehouse);
        assertThat(proposal.path("waiting").asInt()).isEqualTo(40);
        assertThat(proposal.path("quantity").asInt()).as("up to the point from -40: one reorder quantity")
                .isEqualTo(100);
        String supplier = supplierOfLancets(warehouse);
        String request = "{\"supplierId\":\"" + supplier + "\",\"expectedDate\":\"" + today().plusDays(5) + "\"}";
        assertProblem(warehouse.postJson("/api/v1/warehouse/purchase-orders", request), 403);
        assertThat(fields(assertProblem(admin.postJson("/api/v1/warehouse/purchase-orders",
                "{\"expectedDate\":\"" + today().minusDays(1) + "\"}"), 400)))
                .containsExactlyInAnyOrder("supplierId", "expectedDate");
        long priceOre = assortment.priceOn(LANCETS, today()).orElseThrow();
        String price = String.format(Locale.ROOT, "%d.%02d", priceOre / 100, priceOre % 100);
        Api.Response made = admin.postJson("/api/v1/warehouse/purchase-orders", request);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String po = made.json().path("order").path("id").asString();
        String number = made.json().path("order").path("number").asString();
        assertThat(made.json().path("lines")).singleElement().satisfies(line -> {
            assertThat(line.path("ordered").asInt()).isEqualTo(100);
            assertThat(line.path("supplierItemNumber").asString()).isEqualTo("JK-LAN-30G");
            assertThat(line.path("unitPriceOre").asLong()).isEqualTo(priceOre);
        });
        assertThat(fields(assertProblem(admin.postJson("/api/v1/warehouse/purchase-orders", request), 409)))
                .as("the proposal is on order now").containsExactly("supplierId");
        assertThat(awaiting(order)).singleElement().satisfies(awaiting ->
                assertThat(awaiting.expected()).isEqualTo(today().plusDays(5)));

        Api.Response csv = warehouse.get("/api/v1/warehouse/purchase-orders/" + po + "/csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("purchase_order;supplier;expected_date;line;")
                .contains(number + ";", ";1;JK-LAN-30G;DIA-4101;Lancetter 30G;100;" + price);
        assertThat(pdfText(WebSession.logIn(port, "warehouse", "demo")
                .getBytes("/warehouse/purchase-orders/" + po + "/pdf")))
                .contains("Indkøbsordre " + number, "JK-LAN-30G", "Lancetter 30G", price);

        String receipts = "/api/v1/warehouse/purchase-orders/" + po + "/receipts";
        String lot = "L" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String scan = "]d201" + LANCETS_GTIN + "17" + WarehouseSteps.yymmdd(today().plusDays(400)) + "10" + lot;
        String ledgerBefore = warehouse.get("/api/v1/warehouse/ledger?productId=" + LANCETS).body();
        assertThat(assertProblem(warehouse.inLanguage("da").postJson(receipts, receipt("]C101" + WarehouseSteps.GTINS.get(
                WarehouseSteps.FLAT_BASEPLATE) + "10X1", 5)), 400).path("errors").get(0).path("message").asString())
                .startsWith("Forkert vare");
        assertThat(fields(assertProblem(warehouse.postJson(receipts, receipt(scan, 0)), 400))).contains("quantity");
        assertThat(fields(assertProblem(warehouse.postJson(receipts, receipt(scan, -3)), 400))).contains("quantity");
        assertThat(fields(assertProblem(warehouse.postJson(receipts, receipt(scan, 111)), 400)))
                .as("110 is the most with 10 % tolerance").containsExactly("quantity");
        assertThat(fields(assertProblem(warehouse.postJson(receipts, receipt("]d201" + LANCETS_GTIN + "17"
                + WarehouseSteps.yymmdd(today().minusDays(1)) + "10" + lot, 5)), 400))).containsExactly("scan");
        assertThat(assertProblem(warehouse.inLanguage("da").postJson(receipts, receipt("(01)05700289400367(10)A", 5)),
                400)
                .path("errors").get(0).path("message").asString()).as("GS1 refusals in Danish")
                .contains("kontrolciffer");
        assertProblem(warehouse.postJson("/api/v1/warehouse/purchase-orders/" + UUID.randomUUID() + "/receipts",
                receipt(scan, 5)), 404);
        assertThat(warehouse.get("/api/v1/warehouse/ledger?productId=" + LANCETS).body())
                .as("nothing changed by a refusal").isEqualTo(ledgerBefore);

        Api.Response partly = warehouse.postJson(receipts, receipt(scan, 60));
        assertThat(partly.status()).as(partly.body()).isEqualTo(200);
        assertThat(partly.json().path("order").path("status").asString()).isEqualTo("OPEN");
        assertThat(partly.json().path("lines").get(0).path("received").asInt()).isEqualTo(60);
        JsonNode reserved = steps.pickList(new OrderId(order)).json();
        assertThat(reserved.path("backorders")).as("the receipt reserved the shortage list").isEmpty();
        assertThat(reserved.path("lines").get(0).path("lot").asString()).isEqualTo(lot);
        assertThat(awaiting(order)).isEmpty();
        JsonNode ledger = warehouse.get("/api/v1/warehouse/ledger?productId=" + LANCETS + "&lot=" + lot).json();
        assertThat(ledger).extracting(entry -> entry.path("kind").asString() + " " + entry.path("document").asString())
                .containsExactly("RESERVE " + number, "RECEIPT " + number);

        Api.Response rest = warehouse.postJson(receipts, receipt(scan, 50));
        assertThat(rest.status()).as(rest.body()).isEqualTo(200);
        assertThat(rest.json().path("order").path("status").asString()).as("110 of 100: received in full")
                .isEqualTo("RECEIVED");
        assertThat(fields(assertProblem(warehouse.postJson(receipts, receipt(scan, 1)), 409))).containsExactly("scan");
    }

    @Test
    void aShortPickNeedsAReasonAndReturnsAreRestockedWhenSealedElseScrapped() {
        WarehouseSteps steps = new WarehouseSteps(port);
        Api warehouse = steps.as("warehouse");
        String early = steps.receiveAnEarlyLotOfFlatBaseplates(3, today());
        OrderId order = steps.placeForANewCitizen(3, today());
        JsonNode line = lineOf(steps.awaitReserved(order), early);
        String shortPicks = "/api/v1/warehouse/orders/" + order + "/short-picks";
        assertThat(fields(assertProblem(warehouse.postJson(shortPicks, "{}"), 400)))
                .containsExactlyInAnyOrder("reasonCode", "line");
        String report = "{\"line\":%d,\"lot\":\"%s\",\"locationCode\":\"%s\",\"found\":%d,\"reasonCode\":\"%s\"}";
        assertThat(fields(assertProblem(warehouse.postJson(shortPicks, report.formatted(line.path("line").asInt(),
                early, line.path("locationCode").asString(), 3, "DAMAGED")), 400))).containsExactly("found");
        assertThat(fields(assertProblem(warehouse.postJson(shortPicks, report.formatted(line.path("line").asInt(),
                early, line.path("locationCode").asString(), 1, "LOST")), 400))).containsExactly("reasonCode");

        Api.Response reported = warehouse.postJson(shortPicks, report.formatted(line.path("line").asInt(), early,
                line.path("locationCode").asString(), 1, "DAMAGED"));
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        JsonNode after = reported.json();
        assertThat(lineOf(after, early).path("quantity").asInt()).as("what was found stays, picked").isEqualTo(1);
        assertThat(lineOf(after, early).path("picked").asInt()).isEqualTo(1);
        int again = 0;
        for (JsonNode other : after.path("lines")) {
            if (other.path("line").asInt() == 1) {
                again += other.path("quantity").asInt();
            }
        }
        assertThat(again).as("the two missing reserved again from other lots").isEqualTo(3);
        JsonNode shortEntry = warehouse.get("/api/v1/warehouse/ledger?productId=" + WarehouseSteps.FLAT_BASEPLATE
                + "&lot=" + early).json().get(0);
        assertThat(shortEntry.path("kind").asString()).isEqualTo("SHORT_PICK");
        assertThat(shortEntry.path("quantity").asInt()).isEqualTo(-2);
        assertThat(shortEntry.path("reason").asString()).isEqualTo("short pick: DAMAGED");

        for (JsonNode open : after.path("lines")) {
            if (open.path("picked").asInt() < open.path("quantity").asInt()) {
                assertThat(steps.scan(order, "]C101" + WarehouseSteps.GTINS.get(ProductId.of(open.path("productId")
                        .asString())) + "10" + open.path("lot").asString()).status()).isEqualTo(200);
            }
        }
        String returns = "/api/v1/warehouse/returns";
        String bag = lineOf(steps.pickList(order).json(), null).path("lot").asString();
        String bagScan = "]C101" + WarehouseSteps.GTINS.get(WarehouseSteps.ONE_PIECE_BAG) + "10" + bag;
        assertThat(warehouse.postJson("/api/v1/warehouse/orders/" + order + "/cuts/1", "{}").status()).isEqualTo(200);
        Api.Response packed = warehouse.postJson("/api/v1/warehouse/orders/" + order + "/pack", "{}");
        String tracking = packed.json().path("trackingNumber").asString();
        assertThat(fields(assertProblem(warehouse.postJson(returns, returned(tracking, bagScan, 1, "SEALED")), 409)))
                .as("not delivered yet").containsExactly("trackingNumber");
        assertThat(steps.carrier().postJson("/api/v1/shipments/" + packed.json().path("shipmentId").asString()
                + "/events", WarehouseSteps.event("ret-" + order, "DELIVERED", clock.instant())).status())
                .isEqualTo(201);

        assertThat(fields(assertProblem(warehouse.postJson(returns, "{}"), 400))).containsExactly("trackingNumber");
        assertThat(fields(assertProblem(warehouse.postJson(returns, returned("FSC0", bagScan, 1, "SEALED")), 400)))
                .containsExactly("trackingNumber");
        assertThat(fields(assertProblem(warehouse.postJson(returns, returned(tracking, bagScan, 3, "NEW")), 400)))
                .containsExactlyInAnyOrder("condition", "quantity");
        assertThat(fields(assertProblem(warehouse.postJson(returns, returned(tracking, bagScan + "X", 1, "SEALED")),
                400))).containsExactly("scan");

        Api.Response restocked = warehouse.postJson(returns, returned(tracking, bagScan, 1, "SEALED"));
        assertThat(restocked.status()).as(restocked.body()).isEqualTo(201);
        assertThat(restocked.json().path("outcome").asString()).isEqualTo("RESTOCKED");
        Api.Response scrapped = warehouse.postJson(returns, returned(tracking, bagScan, 1, "OPENED"));
        assertThat(scrapped.json().path("outcome").asString()).isEqualTo("SCRAPPED");
        assertThat(scrapped.json().path("scrapReason").asString()).isEqualTo("OPENED");
        assertThat(fields(assertProblem(warehouse.postJson(returns, returned(tracking, bagScan, 1, "SEALED")), 400)))
                .as("both bags are back").containsExactly("quantity");
        assertThat(warehouse.get("/api/v1/warehouse/ledger?productId=" + WarehouseSteps.ONE_PIECE_BAG + "&lot=" + bag)
                .json()).extracting(entry -> entry.path("kind").asString() + " " + entry.path("quantity").asInt())
                .startsWith("SCRAP 1", "RETURN 1");

        WebSession session = WebSession.logIn(port, "warehouse", "demo");
        assertThat(session.get("/warehouse/stock?q=" + bag).body()).contains(bag, "Stomipose");
        assertThat(session.get("/warehouse/stock?q=" + early).body()).as("picked and short: none left")
                .contains("Intet på lager passer");
        assertThat(session.get("/warehouse/stock?q=" + WarehouseSteps.GTINS.get(WarehouseSteps.FLAT_BASEPLATE)).body())
                .contains("NS05-");
        assertThat(session.get("/warehouse/stock?q=0570031250005").body()).contains("kontrolciffer");
        assertThat(fields(assertProblem(warehouse.get("/api/v1/warehouse/stock/search?q="), 400))).containsExactly("q");
        assertThat(session.get("/warehouse/stock/" + WarehouseSteps.ONE_PIECE_BAG + "?lot=" + bag).body())
                .contains("Lagerkort", "Retur på lager", "Kasseret retur", "returneret og kasseret: åbnet", "retur ");
        assertThat(session.get("/warehouse/returns").body()).contains("kasseret: åbnet");
    }

    private UUID acceptAnOrderOfLancets(int quantity) {
        UUID order = UUID.randomUUID();
        transactions.executeWithoutResult(status -> events.publishEvent(new OrderAccepted(new DeliveryFacts(
                new OrderId(order), new CitizenId(UUID.randomUUID()), new MunicipalityCode("751"),
                new MunicipalityCode("751"), OrderStatus.ACCEPTED, List.of(new OrderLine(LANCETS, quantity, null)),
                new DeliveryAddress("Lagervej 1", "8000", "Aarhus C"), today(), today().plusDays(2)),
                clock.instant(), "agent")));
        return order;
    }

    private static JsonNode proposalOfLancets(Api warehouse) {
        for (JsonNode supplier : warehouse.get("/api/v1/warehouse/reorder-proposals").json()) {
            for (JsonNode line : supplier.path("lines")) {
                if (line.path("productId").asString().equals(LANCETS.toString())) {
                    return line;
                }
            }
        }
        throw new AssertionError("no proposal for the lancets");
    }

    private static String supplierOfLancets(Api warehouse) {
        for (JsonNode supplier : warehouse.get("/api/v1/warehouse/reorder-proposals").json()) {
            if (supplier.path("lines").toString().contains(LANCETS.toString())) {
                return supplier.path("supplierId").asString();
            }
        }
        throw new AssertionError("no supplier of the lancets");
    }

    @SuppressWarnings("unchecked")
    private List<WarehousePanels.Awaiting> awaiting(UUID order) {
        Map<String, Object> model = orderPanel.models(List.of(order)).get(order);
        return (List<WarehousePanels.Awaiting>) model.get("awaiting");
    }

    /** The pick line of {@code lot}, or (lot null) the first line of the bags. */
    private static JsonNode lineOf(JsonNode list, String lot) {
        for (JsonNode line : list.path("lines")) {
            if (lot == null ? line.path("productId").asString().equals(WarehouseSteps.ONE_PIECE_BAG.toString())
                    : line.path("lot").asString().equals(lot)) {
                return line;
            }
        }
        throw new AssertionError("no line " + lot + " in " + list);
    }

    private static String receipt(String scan, int quantity) {
        return "{\"scan\":\"" + scan.replace("\u001d", "\\u001d") + "\",\"quantity\":" + quantity
                + ",\"locationCode\":\"A-01-1\"}";
    }

    private static String returned(String tracking, String scan, int quantity, String condition) {
        return "{\"trackingNumber\":\"%s\",\"scan\":\"%s\",\"quantity\":%d,\"condition\":\"%s\",\"locationCode\":\"A-01-1\"}"
                .formatted(tracking, scan, quantity, condition);
    }

    private static String pdfText(byte[] pdf) {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (java.io.IOException unreadable) {
            throw new AssertionError(unreadable);
        }
    }
}
