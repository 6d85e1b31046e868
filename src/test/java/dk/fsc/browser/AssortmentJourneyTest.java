package dk.fsc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@FscIntegrationTest
class AssortmentJourneyTest {

    static final String NORDSTOMA = "b1000000-0000-4000-8000-000000000001";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    List<String> prices() {
        return jdbc.sql("select product_id || ':' || valid_from || ':' || price_ore from assortment.price order by 1")
                .query(String.class).list();
    }

    @Test
    void anAdministratorBrowsesTheStomaAssortmentAndFollowsAReplacement() {
        try (Browser browser = new Browser(port)) {
            browser.logIn("admin", "demo");
            browser.screenshot("assortment-home");
            assertThat(browser.find(By.id("expiring-contracts")).getText()).contains("FSC-2024-03", "FSC-2024-05");

            browser.open("/assortment");
            new Select(browser.find(By.id("area"))).selectByVisibleText("Stomi");
            browser.waitFor(By.cssSelector("#products tr[data-id='b0000000-0000-4000-8000-000000000005']"));
            browser.find(By.id("q")).sendKeys("konveks");
            browser.waitFor(By.xpath("//h2[@id='results-heading' and contains(., '(2)')]"));
            List<String> names = browser.findAll(By.cssSelector("#products tbody th")).stream()
                    .map(WebElement::getText).toList();
            assertThat(names).allMatch(name -> name.startsWith("Basisplade konveks"));
            assertThat(browser.currentUrl()).contains("q=konveks");
            browser.screenshot("assortment-search");

            browser.open("/assortment?area=ASTROLOGY");
            assertThat(browser.find(By.id("area-error")).getText()).contains("er ikke et kendt område");

            browser.open("/assortment/products/b0000000-0000-4000-8000-000000000005");
            assertThat(browser.find(By.id("hole-range")).getText()).isEqualTo("10–45 mm");
            assertThat(browser.find(By.cssSelector("#prices tr.current")).getText()).contains("786,00 kr");
            browser.screenshot("assortment-product");

            browser.open("/assortment/products/b0000000-0000-4000-8000-000000000016");
            assertThat(browser.find(By.id("replacement")).getText()).contains("STO-1192");
            browser.find(By.cssSelector("#replacement a")).click();
            assertThat(browser.find(By.tagName("h1")).getText())
                    .startsWith("Basisplade flad, 40 mm kobling, klip 10–38");

            browser.open("/service-rates");
            assertThat(browser.find(By.id("demo-note")).getText()).contains("demotal");
            assertThat(browser.find(By.cssSelector("tr[data-kind='BASE_CONTRIBUTION']")).getText())
                    .contains("2.700.000,00 kr");
            browser.screenshot("assortment-service-rates");

            browser.windowSize(390, 844).open("/assortment/products/b0000000-0000-4000-8000-000000000042");
            assertThat(browser.find(By.id("device-functions")).getText()).contains("Fjernovervågning",
                    "Alarm ved manglende indtagelse");
            browser.screenshot("assortment-dispenser-phone");
        }
    }

    @Test
    void theExpiringContractsAreOnTheAdministratorsStartPageOnly() {
        try (Browser browser = new Browser(port)) {
            browser.logIn("agent", "demo").open("/");
            assertThat(browser.findAll(By.id("expiring-contracts"))).isEmpty();
            browser.open("/contracts?days=90");
            assertThat(browser.find(By.cssSelector("table.contracts")).getText()).contains("FSC-2024-03");
        }
    }

    @Test
    void aPriceListWithOneBadLineIsRejectedLineByLineAndNoPriceChanges() {
        List<String> before = prices();
        try (Browser browser = new Browser(port)) {
            browser.logIn("admin", "demo").open("/suppliers/" + NORDSTOMA);
            assertThat(browser.find(By.cssSelector("table.contracts")).getText()).contains("FSC-2025-01");
            browser.find(By.id("text")).sendKeys("item_number,price_ore,valid_from\nNS-BP-F-50,80900,2040-01-01\n"
                    + "NS-BP-C-50,99.50,2040-01-01\n");
            browser.find(By.cssSelector("#import-form button[type=submit]")).click();

            WebElement errors = browser.waitFor(By.id("import-errors"));
            assertThat(errors.getText()).contains("Intet blev gemt", "1 linje er forkert", "Linje 3", "99.50",
                    "er ikke et helt antal øre");
            assertThat(errors.getText()).doesNotContain("Linje 2");
            browser.screenshot("assortment-import-error");
        }
        assertThat(prices()).isEqualTo(before);
    }
}
