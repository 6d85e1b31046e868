package dk.fsc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import dk.fsc.assortment.ProductId;
import dk.fsc.orders.OrderId;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import dk.fsc.warehouse.WarehouseSteps;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@FscIntegrationTest
class WarehouseJourneyTest {

    static final String FLAT_BASEPLATE = WarehouseSteps.FLAT_BASEPLATE.toString();

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    /**
     * The citizen orders a cut baseplate in self-service; the warehouse finds it on the day's pick
     * lists per route and picks it by scanning on a tablet, cuts and packs it; the carrier reports it delivered through the API; the citizen
     * sees it delivered, with its tracking and lot.
     */
    static final String TEST_STRIPS = "b0000000-0000-4000-8000-000000000035";
    static final String TEST_STRIPS_GTIN = "05700289400359";

    /** Test strips (none in stock) below a reorder point, ordered from their supplier by the administrator. */
    private String aPurchaseOrderOfTestStrips(WarehouseSteps steps) {
        assertThat(steps.as("warehouse").send("PUT", "/api/v1/warehouse/reorder-rules/" + TEST_STRIPS,
                "application/json", "{\"reorderPoint\":10,\"reorderQuantity\":50}").status()).isEqualTo(200);
        String supplier = "";
        for (JsonNode proposal : steps.as("warehouse").get("/api/v1/warehouse/reorder-proposals").json()) {
            if (proposal.path("lines").toString().contains(TEST_STRIPS)) {
                supplier = proposal.path("supplierId").asString();
            }
        }
        Api.Response made = steps.as("admin").postJson("/api/v1/warehouse/purchase-orders",
                "{\"supplierId\":\"" + supplier + "\",\"expectedDate\":\"" + clock.today().plusDays(3) + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().path("order").path("id").asString();
    }

    @Test
    void anOrderPlacedInSelfServiceIsPickedCutPackedShippedAndShownDeliveredToTheCitizen() {
        clock.setDanish(LocalDateTime.of(2027, 4, 14, 9, 0));
        WarehouseSteps steps = new WarehouseSteps(port);
        OrderId order;
        try (Browser browser = new Browser(port)) {
            browser.logIn("citizen-aarhus", "demo").open("/my/orders");
            browser.find(By.id("qty-" + FLAT_BASEPLATE)).sendKeys("1");
            browser.find(By.id("hole-" + FLAT_BASEPLATE)).clear();
            browser.find(By.id("hole-" + FLAT_BASEPLATE)).sendKeys("28");
            browser.find(By.cssSelector("#order-form button[type=submit]")).click();
            assertThat(browser.waitFor(By.id("placed")).getText()).contains("1 × Basisplade flad", "klippet til 28 mm");
            order = OrderId.of(browser.find(By.cssSelector("#history tbody tr")).getAttribute("data-id"));
        }
        JsonNode reserved = steps.awaitReserved(order);

        String purchaseOrder = aPurchaseOrderOfTestStrips(steps);

        try (Browser browser = new Browser(port)) {
            browser.size(1280, 800).logIn("warehouse", "demo").open("/warehouse");
            assertThat(browser.find(By.id("main")).getText()).contains("Hulklip (", "1 × Basisplade flad", "hul 28 mm");
            browser.screenshot("warehouse-start-desktop");
            browser.size(800, 1280).open("/warehouse");
            assertThat(browser.overflowing()).as("nothing wider than a tablet").isEmpty();
            browser.screenshot("warehouse-start-tablet");
            browser.open("/warehouse/routes");
            browser.open("/warehouse/pick-lists?date=" + reserved.path("deliveryDate").asString());
            assertThat(browser.overflowing()).as("the day's pick lists fit a tablet").isEmpty();
            browser.screenshot("warehouse-pick-lists-tablet");
            browser.find(By.cssSelector(".route-pick-list a[href$='/warehouse/orders/" + order + "']")).click();

            browser.find(By.id("scan")).sendKeys("(01)05700312500209(10)NS20-A", Keys.ENTER);
            assertThat(browser.waitFor(By.id("scan-error")).getText()).startsWith("Forkert vare");
            for (JsonNode line : reserved.path("lines")) {
                String gtin = WarehouseSteps.GTINS.get(ProductId.of(line.path("productId").asString()));
                browser.find(By.id("scan")).sendKeys("]C101" + gtin + "10" + line.path("lot").asString(), Keys.ENTER);
                browser.waitForText(By.cssSelector("#pick .alert.info"), "Pluk bekræftet");
            }
            browser.checkAccessibility();
            browser.screenshot("warehouse-pick-tablet");
            browser.find(By.cssSelector(".cutting-tasks button")).click();
            browser.waitForText(By.cssSelector("#pick .alert.info"), "Klip bekræftet");
            browser.find(By.xpath("//button[normalize-space()='Pak og send']")).click();
            assertThat(browser.waitFor(By.id("shipped")).getText()).startsWith("Sendt med PostNord, sporingsnummer FSC");
            assertThat(browser.find(By.id("packing-slip")).getAttribute("href")).endsWith("/packing-slip");
            browser.size(1280, 900).checkAccessibility();
            browser.screenshot("warehouse-packed-desktop");

            browser.size(800, 1280).open("/warehouse/purchase-orders/" + purchaseOrder);
            browser.find(By.id("scan")).sendKeys("(01)05700312500209(10)NS20-A", Keys.ENTER);
            assertThat(browser.waitFor(By.id("scan-error")).getText()).startsWith("Forkert vare");
            browser.find(By.id("scan")).sendKeys("]d201" + TEST_STRIPS_GTIN + "17"
                    + WarehouseSteps.yymmdd(clock.today().plusYears(1)) + "10TS-J1");
            browser.find(By.id("quantity")).sendKeys("20", Keys.ENTER);
            browser.waitForText(By.cssSelector("#po .alert.info"), "Varerne er modtaget");
            assertThat(browser.find(By.cssSelector("#po-lines .received")).getText()).isEqualTo("20");
            browser.checkAccessibility();
            browser.screenshot("warehouse-receipt-tablet");
            browser.find(By.id("reason")).sendKeys("Leverandøren kan ikke levere resten", Keys.ENTER);
            browser.waitForText(By.cssSelector("#po .alert.info"), "Indkøbsordren er lukket");
            assertThat(browser.find(By.cssSelector(".po-status")).getText()).contains("lukket, resten kommer ikke");
            browser.open("/warehouse/count-tasks");
        }

        JsonNode packed = steps.pickList(order).json();
        Api carrier = steps.carrier();
        Api.Response delivered = carrier.postJson("/api/v1/shipments/" + packed.path("shipmentId").asString()
                + "/events", WarehouseSteps.event("journey-" + order, "DELIVERED", clock.instant()));
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(201);

        try (Browser browser = new Browser(port)) {
            browser.logIn("citizen-aarhus", "demo").open("/my/orders");
            WebElement row = browser.find(By.cssSelector("#history tr[data-id='" + order + "']"));
            assertThat(row.getAttribute("data-status")).isEqualTo("DELIVERED");
            assertThat(row.getText()).contains("Leveret", packed.path("trackingNumber").asString());
            row.findElement(By.cssSelector("details.lots summary")).click();
            assertThat(row.getText()).contains("batch " + packed.path("lines").get(0).path("lot").asString());
            browser.checkAccessibility();
            browser.screenshot("orders-delivered-citizen");
        }
    }
}
