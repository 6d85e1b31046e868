package dk.fsc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dk.fsc.testing.BrokerIntegrationTest;
import dk.fsc.testing.MockBroker;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrokerIntegrationTest
class BrokerLoginJourneyTest {

    @LocalServerPort
    int port;

    @Test
    void aCaseworkerLogsInWithTheMitIdButtonAndFindsTheirCitizens() {
        MockBroker.nextLogin("e5f6-pseudonym", Map.of("preferred_username", "visitator@aarhus.dk",
                "roles", List.of("Visitator"), "municipality", "751"));
        try (Browser browser = new Browser(port)) {
            browser.open("/login");
            browser.screenshot("login-with-broker");
            browser.find(By.id("broker-login")).click();

            browser.waitForUrlEnding("/");
            assertThat(browser.find(By.cssSelector(".session .user")).getText()).isEqualTo("visitator@aarhus.dk");
            browser.find(By.linkText("Borgere")).click();
            browser.find(By.id("name")).sendKeys("Birthe Sørensen");
            browser.find(By.cssSelector("#search-form button[type=submit]")).click();
            assertThat(browser.waitFor(By.id("results")).getText()).contains("Birthe Sørensen");
        }
    }

    @Test
    void aPersonWithoutARoleIsToldSoOnTheLoginPage() {
        MockBroker.nextLogin("g7h8-pseudonym", Map.of("preferred_username", "ingen@rolle.dk"));
        try (Browser browser = new Browser(port)) {
            browser.open("/login");
            browser.find(By.id("broker-login")).click();

            assertThat(browser.waitFor(By.id("refused")).getText()).startsWith("Du er logget ind med MitID, men har"
                    + " ingen rolle");
            browser.screenshot("login-broker-refused");
        }
    }
}
