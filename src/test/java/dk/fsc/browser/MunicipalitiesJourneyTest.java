package dk.fsc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@FscIntegrationTest
class MunicipalitiesJourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorSeesTheMunicipalitiesByClusterInDanish() {
        try (Browser browser = new Browser(port)) {
            browser.logIn("admin", "demo").open("/municipalities");

            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Kommuner");
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
            List<String> clusters = browser.findAll(By.cssSelector("section.cluster h2 span")).stream()
                    .map(WebElement::getText).toList();
            assertThat(clusters).contains("Aarhusklyngen", "Randersklyngen", "Horsensklyngen", "Midtklyngen",
                    "Vestklyngen");
            WebElement aarhus = browser.find(By.cssSelector("tr[data-code='751']"));
            assertThat(aarhus.getText()).contains("Aarhus");
            assertThat(browser.findAll(By.cssSelector("tr[data-code]")).size()).isGreaterThanOrEqualTo(19);
            browser.screenshot("municipalities");

            browser.open("/municipalities?lang=en");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Municipalities");
            browser.open("/municipalities?lang=da");
        }
    }

    @Test
    void aPopulationFileWithABadLineIsRejectedLineByLineAndNothingIsSaved() {
        long before = jdbc.sql("select count(*) from reference.population_year").query(Long.class).single();
        try (Browser browser = new Browser(port)) {
            browser.logIn("admin", "demo").open("/populations");
            browser.find(By.id("year")).sendKeys("2088");
            browser.find(By.id("text")).sendKeys("code,population\n751,370000\n730,ikke-et-tal\n");
            browser.find(By.cssSelector("#import-form button[type=submit]")).click();

            WebElement errors = browser.waitFor(By.id("import-errors"));
            assertThat(errors.getText()).contains("Intet blev gemt", "Linje 3", "ikke-et-tal", "er ikke et helt tal");
            browser.screenshot("population-import-error");
        }
        assertThat(jdbc.sql("select count(*) from reference.population_year").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void aValidPopulationFileIsLoadedAndShown() {
        try (Browser browser = new Browser(port)) {
            browser.logIn("admin", "demo").open("/populations");
            browser.find(By.id("year")).sendKeys("2089");
            browser.find(By.id("text")).sendKeys("code,population\n751,370000\n730,100500\n");
            browser.find(By.cssSelector("#import-form button[type=submit]")).click();

            WebElement status = browser.waitFor(By.cssSelector("#import-form .alert.info"));
            assertThat(status.getText()).contains("2089");
            browser.open("/populations/2089");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Befolkningstal 2089");
            assertThat(browser.find(By.tagName("tfoot")).getText()).contains("470.500");
            browser.screenshot("population-year");
        }
    }
}
