package dk.fsc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each role's start page on a desktop, and the citizen's pages on a phone; every page is checked
 * by axe-core and kept as a screenshot under target/screenshots to look at.
 */
@FscIntegrationTest
class RoleStartPagesJourneyTest {

    private static final List<String> ROLE_USERS = List.of("admin", "agent", "warehouse", "technician", "finance",
            "analyst", "caseworker-aarhus", "homecare-aarhus", "nurse-aarhus", "citizen-aarhus");

    @LocalServerPort
    int port;

    @Test
    void everyRoleHasAStartPageWithItsOwnWork() {
        try (Browser browser = new Browser(port)) {
            browser.size(1280, 900);
            for (String user : ROLE_USERS) {
                browser.logIn(user, "demo").waitFor(By.id("start-cards"));
                assertThat(browser.findAll(By.cssSelector("#start-cards a.card"))).as(user).isNotEmpty();
                browser.screenshot("start-" + user);
                browser.logOut();
            }
        }
    }

    @Test
    void aCitizenFindsTheirPagesOnAPhoneWithNothingCutOff() {
        try (Browser browser = new Browser(port)) {
            browser.size(390, 844).logIn("citizen-aarhus", "demo");
            for (String page : List.of("/", "/my/orders", "/my/profile", "/me/access-log", "/me/access-log?own=true",
                    "/assortment", "/tilgaengelighed")) {
                browser.open(page);
                assertThat(browser.overflowing()).as(page).isEmpty();
                browser.screenshot("phone-citizen" + page.replaceAll("[^a-z]+", "-"));
            }
            browser.open("/my/profile");
            WebElement back = browser.find(By.id("back"));
            assertThat(back.getText()).isEqualTo("Tilbage til forsiden");
            back.click();
            browser.waitFor(By.id("start-cards"));
        }
    }
}
