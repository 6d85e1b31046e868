package dk.fsc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import dk.fsc.support.FscIntegrationTest;
import dk.fsc.support.TestClock;
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
            assertThat(waiting.getText()).contains("5 × Basisplade flad");
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
            assertThat(browser.find(By.tagName("main")).getText()).contains("Hver 4. uge, næste gang");
            browser.find(By.cssSelector("#repeat-form button")).click();
            browser.waitFor(By.id("placed"));
            assertThat(browser.findAll(By.cssSelector("#history tbody tr")).size()).isGreaterThanOrEqualTo(2);
            assertThat(browser.find(By.id("history")).getText()).contains("1 × Inkontinensbind, normal");
            browser.screenshot("orders-agent");
        }
    }
}
