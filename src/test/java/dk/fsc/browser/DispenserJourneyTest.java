package dk.fsc.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A medication dispenser from the caseworker's needs assessment, granted on the same page, to an
 * installed device at the citizen's home, planned on the day's map, set up by the technician on a phone with a serial scan, and after the grant ends
 * taken down, cleaned and back in stock.
 */
@FscIntegrationTest
class DispenserJourneyTest {

    static final String CONNECT = "b0000000-0000-4000-8000-000000000042";
    static final String TINA = "d0000000-0000-4000-8000-000000000001";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String workOrder(String chainLike) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select id::text from devices.work_order where chain_key like ?").param(chainLike)
                .query(String.class).optional(), java.util.Optional::isPresent).orElseThrow();
    }

    @Test
    void aCaseworkerAssessesAndGrantsAndTheTechnicianSetsTheDispenserUpAndTakesItDownAgain() {
        String citizen = Citizens.register(Api.as(port, "caseworker-aarhus", "demo"), "751", "Journey Jensen");
        try (Browser browser = new Browser(port)) {
            browser.logIn("caseworker-aarhus", "demo").open("/devices/assessments/" + citizen);
            for (String answer : new String[] { "manageAlone-no", "reminderEnough-no", "dosesPerDay-3", "cognitive-yes",
                    "visual-no", "motor-no", "missedDoses-yes", "relativesHelp-no", "stable14Days-yes" }) {
                browser.find(By.id(answer)).click();
            }
            browser.find(By.id("training")).click();
            browser.find(By.cssSelector("button[value=recommend]")).click();
            assertThat(browser.waitFor(By.cssSelector(".recommendation")).getText())
                    .contains("Anbefalet trin: Dispenser med alarm", "Intet mindre indgribende trin passer");
            browser.setValue(By.id("grant.modelId"), CONNECT);
            browser.screenshot("devices-assessment");
            browser.find(By.cssSelector("button[value=grant]")).click();
            assertThat(browser.waitForText(By.cssSelector(".alert.info"), "bevilget"))
                    .contains("Vurderingen er gemt, og dispenseren er bevilget");
        }
        String grant = jdbc.sql("select grant_id::text from devices.assessment where citizen_id = ?::uuid")
                .param(citizen).query(String.class).single();
        String prepare = workOrder("grant:" + grant + ":%:prepare");
        String setup = workOrder("grant:" + grant + ":%:setup");
        String serial = jdbc.sql("select device_serial from devices.work_order where id = ?::uuid").param(prepare)
                .query(String.class).single();

        try (Browser browser = new Browser(port)) {
            browser.logIn("warehouse", "demo").open("/work-orders/" + prepare);
            browser.find(By.id("minutes")).sendKeys("20");
            browser.find(By.cssSelector("#main form button[type=submit]")).click();
            assertThat(browser.waitForText(By.cssSelector(".alert.info"), "registreret")).isNotEmpty();
            assertThat(browser.find(By.cssSelector(".work-status")).getText()).isEqualTo("Udført");
        }
        try (Browser browser = new Browser(port)) {
            browser.logIn("admin", "demo").open("/work-orders/day");
            browser.find(By.id("plan-day")).click();
            assertThat(browser.waitForText(By.cssSelector(".alert.info"), "Planlagt")).contains("besøg");
            assertThat(browser.waitForCount(By.cssSelector("#route-map .stop-marker"),
                    browser.findAll(By.cssSelector(".technician-day li[data-at]")).size()))
                    .as("a numbered marker on the map per visit in the list").isNotEmpty();
            assertThat(browser.findAll(By.cssSelector("#route-map .home-marker"))).hasSameSizeAs(
                    browser.findAll(By.cssSelector(".technician-day")));
            browser.screenshot("devices-day-plan");
            browser.open("/work-orders/" + setup);
            browser.setValue(By.id("technician"), TINA);
            browser.setValue(By.id("start"), "14:00");
            browser.find(By.cssSelector("#main form button[type=submit]")).click();
            assertThat(browser.waitForText(By.cssSelector(".alert.info"), "tildelt")).contains("fastlåst");
        }
        try (Browser browser = new Browser(port)) {
            browser.size(390, 844).logIn("technician", "demo").open("/my-day");
            assertThat(browser.find(By.cssSelector(".visit.next")).getText()).contains("14:00", "Journey Jensen", serial,
                    "DoseTech Connect", "Levering og opsætning");
            browser.find(By.id("scan")).sendKeys("(01)05700356100427(21)" + serial);
            browser.find(By.id("minutes")).sendKeys("-3");
            browser.find(By.cssSelector(".visit.next button[type=submit]")).click();
            assertThat(browser.waitFor(By.id("minutes-error")).getText()).contains("helt tal");
            browser.find(By.id("minutes")).clear();
            browser.find(By.id("minutes")).sendKeys("35");
            browser.find(By.id("note")).sendKeys("Sat op på køkkenbordet");
            browser.screenshot("devices-my-day-phone");
            browser.find(By.cssSelector(".visit.next button[type=submit]")).click();
            assertThat(browser.waitForText(By.cssSelector(".alert.info"), "registreret")).isNotEmpty();
            assertThat(browser.overflowing()).as("nothing wider than a phone").isEmpty();
            browser.open("/devices?serial=" + serial);
            assertThat(browser.find(By.cssSelector(".device-state")).getText()).isEqualTo("Installeret");
        }

        Api.Response ended = Api.as(port, "caseworker-aarhus", "demo").postJson("/api/v1/grants/" + grant + "/end",
                "{\"reason\":\"Borgeren er flyttet på plejehjem\"}");
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        String lease = jdbc.sql("select id::text from devices.lease where serial = ? order by starts_on desc limit 1")
                .param(serial).query(String.class).single();
        String takedown = workOrder("lease:" + lease + ":takedown");
        try (Browser browser = new Browser(port)) {
            browser.logIn("admin", "demo").open("/work-orders/" + takedown);
            browser.setValue(By.id("technician"), TINA);
            browser.setValue(By.id("start"), "15:00");
            browser.find(By.cssSelector("#main form button[type=submit]")).click();
            browser.waitForText(By.cssSelector(".alert.info"), "tildelt");
        }
        try (Browser browser = new Browser(port)) {
            browser.size(390, 844).logIn("technician", "demo").open("/my-day");
            assertThat(browser.find(By.cssSelector(".visit.next")).getText()).contains("Nedtagning");
            browser.find(By.id("minutes")).sendKeys("15");
            browser.find(By.cssSelector(".visit.next button[type=submit]")).click();
            browser.waitForText(By.cssSelector(".alert.info"), "registreret");
        }
        String cleaning = workOrder("lease:" + lease + ":cleaning");
        try (Browser browser = new Browser(port)) {
            browser.logIn("warehouse", "demo").open("/work-orders/" + cleaning);
            browser.find(By.id("minutes")).sendKeys("25");
            browser.find(By.cssSelector("#main form button[type=submit]")).click();
            browser.waitForText(By.cssSelector(".alert.info"), "registreret");
            browser.open("/devices?serial=" + serial);
            assertThat(browser.find(By.cssSelector(".device-state")).getText()).isEqualTo("På lager");
            assertThat(browser.find(By.cssSelector("table.history")).getText()).contains("Installeret", "Afhentet",
                    "Rengøres");
            browser.screenshot("devices-device-history");
        }
    }
}
