package dk.fsc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@FscIntegrationTest
class OrdersJourneyTest {

    static final String FLAT_BASEPLATE = "b0000000-0000-4000-8000-000000000005";
    static final String CITIZEN_AARHUS = "a0000000-0000-4000-8000-000000000751";

    /**
     * The contrast ratio (WCAG 2.1) of an element's text colour against the first background colour
     * behind it, and the colour itself.
     */
    static final String CONTRAST = """
            const rgb = c => c.match(/[\\d.]+/g).map(Number);
            const lum = c => { const v = rgb(c).slice(0, 3).map(x => { x /= 255;
                return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
                return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
            const el = arguments[0];
            let bg = el;
            while (bg && (getComputedStyle(bg).backgroundColor === 'rgba(0, 0, 0, 0)')) bg = bg.parentElement;
            const a = lum(getComputedStyle(el).color), b = lum(bg ? getComputedStyle(bg).backgroundColor : 'rgb(255,255,255)');
            return [getComputedStyle(el).color, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];""";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Test
    void aCitizenOrdersAboveTheLimitInSelfServiceAndTheCaseworkerApprovesIt() {
        clock.setDanish(LocalDateTime.of(2027, 2, 10, 10, 0));
        try (Browser browser = new Browser(port)) {
            browser.size(412, 915).logIn("citizen-aarhus", "demo").open("/");
            assertThat(browser.find(By.id("orders-panel")).getText()).contains("Gå til bestilling");
            browser.screenshot("start-citizen-phone");
            browser.find(By.linkText("Bestil")).click();
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Bestil hjælpemidler");
            assertThat(browser.find(By.id("order-form")).getText()).contains("3 tilbage af 3 denne måned");
            browser.find(By.id("qty-" + FLAT_BASEPLATE)).sendKeys("5");
            browser.find(By.id("hole-" + FLAT_BASEPLATE)).clear();
            browser.find(By.id("hole-" + FLAT_BASEPLATE)).sendKeys("28");
            browser.screenshot("orders-self-service-phone");
            browser.find(By.cssSelector("#order-form button[type=submit]")).click();

            WebElement placed = browser.waitFor(By.id("placed"));
            assertThat(placed.getText()).contains("venter på sagsbehandlerens godkendelse", "5 × Basisplade flad",
                    "klippet til 28 mm", "op på 5 af de bevilgede 3", "februar");
            assertThat(browser.find(By.id("history")).getText()).contains("Venter på godkendelse");
            browser.screenshot("orders-self-service-placed");
            assertThat(browser.overflowing()).as("nothing wider than a phone").isEmpty();
        }
        try (Browser browser = new Browser(port)) {
            browser.logIn("caseworker-aarhus", "demo").open("/");
            assertThat(browser.find(By.id("orders-panel")).getText()).contains("venter på godkendelse");
            browser.screenshot("start-caseworker");
            browser.find(By.linkText("Arbejdsliste")).click();
            By ours = By.xpath("//article[contains(@class,'waiting')][.//a[contains(@href,'" + CITIZEN_AARHUS + "')]]");
            WebElement waiting = browser.find(ours);
            assertThat(waiting.getText()).contains("5 × Basisplade flad", "klippet til 28 mm",
                    "Overskrider bevillingen af Basisplade flad", "3 pr. måned");
            browser.screenshot("orders-worklist");
            waiting.findElement(By.cssSelector("button.primary")).click();
            assertThat(browser.waitForText(By.cssSelector(".alert.info"), "godkendt")).isEqualTo("Bestillingen er godkendt.");
            assertThat(browser.findAll(ours)).isEmpty();
        }
        try (Browser browser = new Browser(port)) {
            browser.logIn("citizen-aarhus", "demo").open("/my/orders");
            assertThat(browser.find(By.id("history")).getText()).contains("Modtaget");
        }
    }

    @Test
    void aCaseworkerGrantsThroughTheFormAndSeesTheReasonNextToAWrongField() {
        try (Browser browser = new Browser(port)) {
            browser.logIn("caseworker-randers", "demo").open("/citizens/a0000000-0000-4000-8000-000000000730/grants");
            assertThat(browser.find(By.tagName("h1")).getText()).startsWith("Bevillinger for");
            browser.setValue(By.id("validFrom"), "2026-06-01").setValue(By.id("validTo"), "2026-05-01");
            new Select(browser.find(By.id("target0"))).selectByVisibleText("Urinposer");
            browser.find(By.id("quantity0")).sendKeys("2");
            new Select(browser.find(By.id("period0"))).selectByVisibleText("kvartal");
            browser.find(By.cssSelector("#grant-form button[type=submit]")).click();

            assertThat(browser.waitFor(By.cssSelector("#grant-form .field-error")).getText())
                    .isEqualTo("Slutdatoen må ikke ligge før startdatoen");
            browser.screenshot("grants-form-error");
            browser.setValue(By.id("validTo"), "");
            browser.find(By.cssSelector("#grant-form button[type=submit]")).click();

            assertThat(browser.waitForText(By.cssSelector(".alert.info"), "gemt")).isEqualTo("Bevillingen er gemt.");
            assertThat(browser.find(By.tagName("main")).getText()).contains("2 pr. kvartal", "01-06-2026 til indtil videre");
            browser.screenshot("grants-saved");

            By saved = By.xpath("//section[contains(@class,'grant')][contains(., '01-06-2026 til indtil videre')]");
            WebElement grant = browser.find(saved);
            assertThat(grant.getText()).contains("Besluttet", "af Visitator, Randers").doesNotContain("caseworker-randers");
            String id = grant.getAttribute("data-id");
            grant.findElement(By.cssSelector("details.end-grant summary")).click();
            assertThat(browser.find(By.id("ends-" + id)).getAttribute("value")).as("no end date is suggested").isEmpty();
            browser.find(By.id("reason-" + id)).sendKeys("Behovet er ophørt");
            browser.find(By.cssSelector("#end-" + id + " button[type=submit]")).click();

            assertThat(browser.waitFor(By.id("ends-" + id + "-error")).getText())
                    .isEqualTo("Vælg den dato, bevillingen ophører fra");
            assertThat(browser.find(By.id("ends-" + id)).getAttribute("aria-describedby")).isEqualTo("ends-" + id + "-error");
            assertThat(browser.find(saved).getAttribute("data-status")).isNotEqualTo("ENDED");
            browser.setValue(By.id("ends-" + id), clock.today().toString());
            browser.find(By.cssSelector("#end-" + id + " button[type=submit]")).click();

            assertThat(browser.waitForText(By.cssSelector(".alert.info"), "afsluttet")).isEqualTo("Bevillingen er afsluttet.");
        }
    }

    @Test
    void theAgentSeesEveryMistakeInTheOrderFormNextToItsFieldAtOnce() {
        Api caseworker = Api.as(port, "caseworker-aarhus", "demo");
        String citizen = Citizens.register(caseworker, "751", "Fejl Formularsen");
        assertThat(caseworker.postJson("/api/v1/citizens/" + citizen + "/grants", "{\"validFrom\":\"2020-01-01\","
                + "\"lines\":[{\"productId\":\"" + FLAT_BASEPLATE + "\",\"quantity\":5,\"period\":\"MONTH\"}]}")
                .status()).isEqualTo(201);
        String quantity = "qty-" + FLAT_BASEPLATE;
        String hole = "hole-" + FLAT_BASEPLATE;
        try (Browser browser = new Browser(port)) {
            browser.logIn("agent", "demo").open("/citizens/" + citizen + "/orders");
            browser.find(By.id(quantity)).sendKeys("-5");
            browser.find(By.id(hole)).sendKeys("99");
            browser.find(By.cssSelector("#order-form button[type=submit]")).click();

            WebElement quantityError = browser.waitFor(By.id(quantity + "-error"));
            assertThat(quantityError.getText()).startsWith("Antallet skal være et helt tal");
            assertThat(browser.find(By.id(hole + "-error")).getText()).isEqualTo("Hullet skal være fra 10 til 45 mm");
            for (String field : new String[] { quantity, hole }) {
                WebElement input = browser.find(By.id(field));
                assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
                assertThat(input.getAttribute("aria-describedby")).isEqualTo(field + "-error");
                assertThat(browser.find(By.cssSelector("#" + field + "-error")).findElement(By.xpath(".."))
                        .findElement(By.tagName("input")).getAttribute("id")).as("the reason is next to its field")
                        .isEqualTo(field);
                java.util.List<?> colour = (java.util.List<?>) browser.script(CONTRAST.replace("arguments[0]",
                        "document.getElementById('" + field + "-error')"));
                assertThat(colour.get(0)).as("the error colour").isEqualTo("rgb(164, 20, 30)");
                assertThat(((Number) colour.get(1)).doubleValue()).isGreaterThanOrEqualTo(4.5);
            }
            browser.screenshot("orders-form-errors");

            browser.find(By.id(quantity)).clear();
            browser.find(By.id(quantity)).sendKeys("1");
            browser.find(By.id(hole)).clear();
            browser.find(By.cssSelector("#order-form button[type=submit]")).click();
            assertThat(browser.waitFor(By.id(hole + "-error")).getText())
                    .isEqualTo("Skriv hullets størrelse i mm (10-45), så pladen kan klippes til");
            assertThat(browser.findAll(By.id(quantity + "-error"))).isEmpty();
            assertThat(browser.findAll(By.id("placed"))).isEmpty();

            browser.find(By.id(hole)).sendKeys("30");
            browser.find(By.cssSelector("#order-form button[type=submit]")).click();
            assertThat(browser.waitFor(By.id("placed")).getText()).contains("1 × Basisplade flad", "klippet til 30 mm");
        }
    }

    @Test
    void theAgentOrdersByPhoneRepeatsItAndSetsAStandingOrder() {
        String randers = "a0000000-0000-4000-8000-000000000730";
        String pad = "b0000000-0000-4000-8000-000000000030";
        try (Browser browser = new Browser(port)) {
            browser.logIn("agent", "demo").open("/citizens/" + randers);
            browser.find(By.id("to-orders")).click();
            assertThat(browser.find(By.tagName("h1")).getText()).startsWith("Bestillinger for");
            browser.find(By.id("qty-" + pad)).sendKeys("1");
            new Select(browser.find(By.id("repeatWeeks"))).selectByValue("4");
            browser.find(By.cssSelector("#order-form button[type=submit]")).click();

            assertThat(browser.waitFor(By.id("placed")).getText()).contains("Tak. Bestillingen er modtaget.",
                    "gentages automatisk hver 4. uge");
            assertThat(browser.find(By.id("standing")).getText()).contains("Hver 4. uge, næste gang",
                    "1 × Inkontinensbind, normal");
            int orders = browser.findAll(By.cssSelector("#history tbody tr")).size();

            browser.find(By.cssSelector("#repeat-form summary")).click();
            assertThat(browser.find(By.cssSelector("#repeat-form .confirm-body")).getText())
                    .contains("bestilles igen nu: 1 × Inkontinensbind, normal");
            assertThat(browser.findAll(By.cssSelector("#history tbody tr"))).as("nothing ordered before confirming")
                    .hasSize(orders);
            browser.find(By.cssSelector("#repeat-form button[type=submit]")).click();
            browser.waitFor(By.id("placed"));
            assertThat(browser.findAll(By.cssSelector("#history tbody tr"))).hasSize(orders + 1);
            assertThat(browser.find(By.id("history")).getText()).contains("1 × Inkontinensbind, normal");
            browser.screenshot("orders-agent");

            WebElement newest = browser.find(By.cssSelector("#history tbody tr"));
            String newestId = newest.getAttribute("data-id");
            newest.findElement(By.cssSelector("details summary")).click();
            assertThat(newest.findElement(By.cssSelector(".confirm-body")).getText()).contains("Det kan ikke fortrydes");
            browser.open("/citizens/" + randers + "/orders");
            By row = By.cssSelector("#history tr[data-id='" + newestId + "']");
            assertThat(browser.find(row).getAttribute("data-status")).as("opening the question cancels nothing")
                    .isNotEqualTo("CANCELLED");
            browser.find(row).findElement(By.cssSelector("details summary")).click();
            browser.find(row).findElement(By.cssSelector("details button[type=submit]")).click();
            assertThat(browser.waitForText(By.cssSelector(".alert.info"), "annulleret"))
                    .isEqualTo("Bestillingen er annulleret.");
            assertThat(browser.find(row).getAttribute("data-status")).isEqualTo("CANCELLED");

            WebElement standing = browser.find(By.cssSelector("#standing > li"));
            standing.findElement(By.cssSelector("details summary")).click();
            standing.findElement(By.cssSelector("details button[type=submit]")).click();
            assertThat(browser.waitForText(By.cssSelector(".alert.info"), "stoppet"))
                    .isEqualTo("Den faste bestilling er stoppet.");
        }
    }
}
