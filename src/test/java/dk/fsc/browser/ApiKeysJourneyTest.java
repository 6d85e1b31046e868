package dk.fsc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

@FscIntegrationTest
class ApiKeysJourneyTest {

    @LocalServerPort
    int port;

    @Test
    void anAdministratorCreatesAKeyThatIsShownOnceWorksAndCanBeRevoked() {
        try (Browser browser = new Browser(port)) {
            browser.logIn("admin", "demo").open("/admin/api-keys");
            browser.find(By.id("name")).sendKeys("Dispenserleverandør");
            browser.find(By.cssSelector("input[name=scopes][value=REFERENCE_READ]")).click();
            browser.find(By.cssSelector("section.panel button[type=submit]")).click();

            String key = browser.waitFor(By.cssSelector("#created-key code")).getText();
            assertThat(key).startsWith("fsc_");
            browser.screenshot("api-keys");
            assertThat(Api.withHeader(port, "X-API-Key", key).get("/api/v1/clusters").status()).isEqualTo(200);

            browser.open("/admin/api-keys");
            assertThat(browser.find(By.tagName("main")).getText()).doesNotContain(key);
            By row = By.xpath("//tr[th[text()='Dispenserleverandør']]");
            browser.find(row).findElement(By.tagName("summary")).click();
            assertThat(browser.find(row).findElement(By.cssSelector(".confirm-body")).getText())
                    .contains("holder op med at virke med det samme");
            assertThat(Api.withHeader(port, "X-API-Key", key).get("/api/v1/clusters").status())
                    .as("asking is not revoking").isEqualTo(200);
            browser.find(row).findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(browser.waitForText(By.cssSelector(".alert.info"), "tilbagekaldt")).contains("tilbagekaldt");
            assertThat(Api.withHeader(port, "X-API-Key", key).get("/api/v1/clusters").status()).isEqualTo(401);
        }
    }

    @Test
    void aCaseworkerCannotOpenTheApiKeyPage() {
        try (Browser browser = new Browser(port)) {
            browser.logIn("caseworker-aarhus", "demo").open("/admin/api-keys");

            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Noget gik galt");
            assertThat(browser.find(By.tagName("main")).getText()).contains("ikke adgang");
        }
    }
}
