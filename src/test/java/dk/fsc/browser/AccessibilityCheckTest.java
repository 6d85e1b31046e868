package dk.fsc.browser;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The journeys' accessibility check itself: a page that breaks a WCAG rule fails, naming the rule. */
@FscIntegrationTest
class AccessibilityCheckTest {

    @LocalServerPort
    int port;

    @Test
    void aPageWithAnImageWithoutAlternativeTextFails() {
        try (Browser browser = new Browser(port)) {
            browser.open("/login");
            browser.script("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/favicon.ico\">');");
            assertThatThrownBy(browser::checkAccessibility).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("image-alt").hasMessageContaining("/login");
        }
    }
}
