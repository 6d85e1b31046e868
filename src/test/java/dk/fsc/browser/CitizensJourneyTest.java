package dk.fsc.browser;

import static dk.fsc.testing.Demo.CITIZEN_AARHUS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

@FscIntegrationTest
class CitizensJourneyTest {

    @LocalServerPort
    int port;

    @Test
    void aCaseworkerFindsACitizenAndTheCitizenSeesWhoLooked() {
        String name = "Journey " + UUID.randomUUID().toString().substring(0, 8);
        String id = Citizens.register(Api.as(port, "caseworker-aarhus", "demo"), "751", name);
        try (Browser browser = new Browser(port)) {
            browser.logIn("caseworker-aarhus", "demo").open("/");
            browser.find(By.linkText("Borgere")).click();
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Find borger");

            browser.find(By.id("cpr")).sendKeys("310299-1234");
            browser.find(By.cssSelector("#search-form button[type=submit]")).click();
            assertThat(browser.waitFor(By.id("cpr-error")).getText()).startsWith("skal være et CPR-nummer");
            assertThat(browser.currentUrl()).doesNotContain("310299").endsWith("/citizens");
            assertThat(browser.find(By.id("cpr")).getAttribute("value")).isEmpty();

            browser.find(By.id("name")).sendKeys(name);
            browser.find(By.cssSelector("#search-form button[type=submit]")).click();
            assertThat(browser.waitFor(By.id("results")).getText()).contains(name);
            assertThat(browser.currentUrl()).doesNotContain("Journey").endsWith("/citizens");
            browser.screenshot("citizens-search");
            browser.find(By.linkText(name)).click();

            assertThat(browser.currentUrl()).endsWith("/citizens/" + id);
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(name);
            assertThat(browser.find(By.id("citizen-facts")).getText()).contains("Testvej 1", "8000 Aarhus C", "Aarhus (751)");
            assertThat(browser.find(By.id("cpr")).getText()).matches("[0-9]{6}-[0-9]{4}");
            assertThat(browser.find(By.id("address-history")).getText()).contains("Testvej 1");
            browser.screenshot("citizens-citizen");
            browser.open("/citizens/" + CITIZEN_AARHUS);
            assertThat(browser.find(By.tagName("h1")).getText()).isNotBlank();
        }
        try (Browser browser = new Browser(port)) {
            browser.logIn("citizen-aarhus", "demo").open("/");
            assertThat(browser.findAll(By.linkText("Borgere"))).isEmpty();
            browser.find(By.linkText("Min log")).click();

            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Hvem har set mine oplysninger");
            String log = browser.find(By.id("access-log")).getText();
            assertThat(log).contains("Visitator, Aarhus", "(Kommune: Aarhus)", "Så dine oplysninger")
                    .doesNotContain("caseworker-aarhus");
            browser.screenshot("citizens-access-log");
        }
    }

    @Test
    void aCaseworkerOfAnotherMunicipalityGetsTheNotFoundPage() {
        try (Browser browser = new Browser(port)) {
            browser.logIn("caseworker-randers", "demo").open("/citizens/" + CITIZEN_AARHUS);
            assertThat(browser.find(By.tagName("main")).getText()).contains("Siden findes ikke")
                    .doesNotContain("Birthe", "Mejlgade");
            assertThat(browser.find(By.tagName("nav")).getText()).contains("Borgere");
        }
    }
}
