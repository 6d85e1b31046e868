package dk.fsc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

@FscIntegrationTest
class UsersJourneyTest {

    @LocalServerPort
    int port;

    @Test
    void anAdministratorCreatesAUserCorrectingTheFormThenChangesRolesAndDisablesTheAccount() {
        String name = "ny-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = new Browser(port)) {
            browser.logIn("admin", "demo").open("/");
            browser.find(By.linkText("Brugere")).click();
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Brugere");

            browser.find(By.id("username")).sendKeys(name);
            browser.find(By.id("displayName")).sendKeys("Ny Visitator");
            browser.find(By.id("password")).sendKeys("kort");
            browser.find(By.cssSelector("input[name=roles][value=MUNICIPAL_CASEWORKER]")).click();
            browser.find(By.cssSelector("#new-user-form button[type=submit]")).click();

            assertThat(browser.waitFor(By.id("password-error")).getText()).isEqualTo("skal være mindst 12 tegn");
            assertThat(browser.find(By.id("municipalityCode-error")).getText())
                    .isEqualTo("skal udfyldes for visitatorer og hjemmepleje");
            assertThat(browser.find(By.id("username")).getAttribute("value")).isEqualTo(name);
            assertThat(browser.find(By.id("password")).getAttribute("value")).isEmpty();
            assertThat(browser.find(By.cssSelector("input[name=roles][value=MUNICIPAL_CASEWORKER]")).isSelected())
                    .isTrue();
            browser.screenshot("users-rejected");

            browser.find(By.id("password")).sendKeys("en-lang-og-god-adgangskode");
            new Select(browser.find(By.id("municipalityCode"))).selectByValue("751");
            browser.find(By.cssSelector("#new-user-form button[type=submit]")).click();

            assertThat(browser.waitForText(By.cssSelector(".alert.info"), "er oprettet"))
                    .isEqualTo("Brugeren " + name + " er oprettet.");
            assertThat(browser.find(By.id("user-facts")).getText()).contains("Ny Visitator", "Aktiv");

            browser.find(By.cssSelector("input[name=roles][value=MUNICIPAL_CASEWORKER]")).click();
            browser.find(By.cssSelector("input[name=roles][value=NURSE]")).click();
            new Select(browser.find(By.id("municipalityCode"))).selectByValue("");
            new Select(browser.find(By.id("regionCode"))).selectByValue("1082");
            browser.find(By.cssSelector("#binding-form button[type=submit]")).click();
            assertThat(browser.waitForText(By.cssSelector(".alert.info"), "Rollerne er gemt.")).startsWith("Rollerne er gemt.");
            assertThat(browser.find(By.cssSelector("input[name=roles][value=NURSE]")).isSelected()).isTrue();
            browser.screenshot("users-user");

            browser.find(By.xpath("//button[text()='Spær konto']")).click();
            assertThat(browser.waitFor(By.id("user-facts")).getText()).contains("Spærret");

            browser.open("/admin/users");
            browser.find(By.id("q")).sendKeys(name);
            assertThat(browser.waitForCount(By.cssSelector("#users tbody tr"), 1).get(0).getText())
                    .contains(name, "Ny Visitator", "Sygeplejerske", "Spærret");
        }
    }

    @Test
    void aCaseworkerCannotOpenTheUserPages() {
        try (Browser browser = new Browser(port)) {
            browser.logIn("caseworker-aarhus", "demo").open("/admin/users");
            assertThat(browser.find(By.tagName("main")).getText()).contains("ikke adgang");
            assertThat(browser.findAll(By.linkText("Brugere"))).isEmpty();
        }
    }
}
