package dk.fsc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Under the content security policy (no inline script or style) htmx still swaps parts of
 * pages, styles still apply, and the browser refuses nothing ({@link Browser#close()}).
 */
@FscIntegrationTest
class ContentSecurityPolicyJourneyTest {

    @LocalServerPort
    int port;

    @Test
    void htmxSwapsTheUserListWithoutInlineStylesAndTheBrowserRefusesNothing() {
        try (Browser browser = new Browser(port)) {
            browser.logIn("admin", "demo").open("/admin/users");
            browser.script("window.notReloaded = true");
            assertThat(browser.findAll(By.cssSelector("#users tbody tr")).size()).isGreaterThan(1);

            browser.find(By.id("q")).sendKeys("caseworker-randers");

            assertThat(browser.waitForCount(By.cssSelector("#users tbody tr"), 1).getFirst().getText())
                    .contains("caseworker-randers");
            assertThat(browser.script("return window.notReloaded")).as("swapped by htmx, not a new page").isEqualTo(true);
            assertThat(browser.script("return document.querySelectorAll('style, [style]').length")).isEqualTo(0L);
            assertThat(browser.refusedByContentSecurityPolicy()).isEmpty();
        }
    }

    @Test
    void theConsumptionMetersAreDrawnFromTheStyleSheet() {
        try (Browser browser = new Browser(port)) {
            browser.logIn("citizen-aarhus", "demo").open("/my/orders");
            assertThat(browser.findAll(By.cssSelector(".meter span"))).isNotEmpty().allSatisfy(bar -> assertThat(
                    bar.getAttribute("class")).matches("fill-([0-9]|10)"));
            assertThat(browser.script("""
                    return [...document.querySelectorAll('.meter span')].every(bar =>
                        Math.round(10 * bar.getBoundingClientRect().width / bar.parentElement.getBoundingClientRect().width)
                            === Number(bar.className.substring(5)))""")).as("each bar as wide as its class says").isEqualTo(true);
        }
    }

    @Test
    void theApiDocumentationPageWorksUnderThePolicy() {
        assertThat(Api.anonymous(port).get("/v3/api-docs").status()).as("generated once, before the page waits for it")
                .isEqualTo(200);
        try (Browser browser = new Browser(port)) {
            browser.logIn("admin", "demo").open("/swagger-ui/index.html");
            assertThat(browser.waitFor(By.cssSelector(".swagger-ui .info .title")).getText()).isNotBlank();
        }
    }
}
