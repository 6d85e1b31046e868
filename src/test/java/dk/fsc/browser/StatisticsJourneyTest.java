package dk.fsc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A caseworker reads her municipality's figures beside the others' average for a period she
 * chooses and finds the exports for that period; the region's analyst reads the smoking-cessation
 * indicator as the source gives it, and a business case, at a desktop's and a phone's width.
 */
@FscIntegrationTest
class StatisticsJourneyTest {

    @LocalServerPort
    int port;

    @Test
    void aCaseworkerChoosesAPeriodAndSeesHerMunicipalityBesideTheOthersAverage() {
        try (Browser browser = new Browser(port)) {
            browser.logIn("caseworker-aarhus", "demo").open("/");
            browser.find(By.linkText("Statistik")).click();
            assertThat(browser.waitFor(By.tagName("h1")).getText()).contains("Statistik", "Aarhus");
            browser.setValue(By.id("from"), "2026-01-01").setValue(By.id("to"), "2026-06-30");
            browser.find(By.cssSelector("form.filter button[type=submit]")).click();
            browser.waitForUrlEnding("to=2026-06-30");

            assertThat(browser.find(By.cssSelector("#figures thead")).getText())
                    .contains("Perioden", "Gennemsnit af de andre kommuner");
            assertThat(browser.find(By.id("from")).getAttribute("value")).isEqualTo("2026-01-01");
            assertThat(browser.find(By.tagName("main")).getText()).contains("01-01-2026", "30-06-2026");
            assertThat(browser.findAll(By.id("per-municipality"))).as("no other municipality by name").isEmpty();
            browser.waitFor(By.cssSelector("#figures[data-chart-drawn='true']"));
            assertThat(browser.findAll(By.cssSelector(".charts canvas[role='img'][aria-label]")))
                    .as("a chart per key figure and one per table by product area and topic").hasSizeGreaterThan(14);
            assertThat(browser.findAll(By.cssSelector("table[data-chart]:not([data-chart-drawn])"))).isEmpty();
            assertThat(browser.find(By.partialLinkText("CSV")).getAttribute("href"))
                    .contains("/statistics/export.csv", "from=2026-01-01", "to=2026-06-30");
            assertThat(browser.find(By.partialLinkText("regneark")).getAttribute("href"))
                    .contains("/statistics/export.xlsx", "from=2026-01-01", "to=2026-06-30");
            browser.screenshot("statistics-caseworker");
            assertThat(browser.overflowing()).isEmpty();
            browser.size(390, 844).screenshot("statistics-caseworker-phone");
            assertThat(browser.overflowing()).as("nothing wider than a phone").isEmpty();
        }
    }

    @Test
    void theAnalystReadsTheSmokingCessationIndicatorAsTheSourceGivesIt() {
        try (Browser browser = new Browser(port)) {
            browser.logIn("analyst", "demo").open("/indicators");
            browser.find(By.cssSelector("a[href$='5e000000-0000-4000-8000-000000000001']")).click();
            browser.waitForUrlEnding("/indicators/5e000000-0000-4000-8000-000000000001");

            String table = browser.find(By.id("indicator-table")).getText();
            assertThat(table).contains("45,1 %", "44,1 %", "54,4 %", "ufuldstændig", "Maj mangler");
            assertThat(browser.find(By.xpath("//table[@id='indicator-table']//tr[th='2019-Q4']")).getText())
                    .contains("mangler");
            browser.waitFor(By.cssSelector("#indicator-table[data-chart-drawn='true']"));
            assertThat(browser.find(By.cssSelector("#indicator-chart canvas[role='img']")).getAttribute("data-missing"))
                    .as("the quarter without figures is a gap labelled missing, not a zero").isEqualTo("2019-Q4");
            browser.screenshot("indicator-analyst");
            assertThat(browser.overflowing()).isEmpty();
            browser.size(390, 844).screenshot("indicator-analyst-phone");
            assertThat(browser.overflowing()).as("nothing wider than a phone").isEmpty();

            browser.size(1280, 900).open("/business-cases/5e000000-0000-4000-8000-0000000000a1");
            browser.screenshot("business-case-analyst");
            browser.size(390, 844).screenshot("business-case-analyst-phone");
            assertThat(browser.overflowing()).as("nothing wider than a phone").isEmpty();
        }
    }
}
