package dk.fsc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Set;

import dk.fsc.devices.DeviceService;
import dk.fsc.jobs.Jobs;
import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import dk.fsc.testing.Dispensers;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Home care's live alarm list: a dose passes its grace untaken, the alarm appears in the open
 * list without a reload (server-sent events) with a sound that can be turned off, and home care
 * takes it and closes it.
 */
@FscIntegrationTest
class AlarmsJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Jobs jobs;

    @Test
    void aMissedDoseAppearsInHomeCaresListAtOnceAndIsTakenAndClosed() {
        clock.setDanish(LocalDateTime.parse("2026-11-25T07:00"));
        Api caseworker = Api.as(port, "caseworker-aarhus", "demo");
        String citizen = Citizens.register(caseworker, "751", "Alma Alarmsen");
        String serial = Dispensers.install(events, transactions, jdbc, citizen, "751", Set.of(DeviceService.ALARM),
                clock.today());
        assertThat(caseworker.send("PUT", "/api/v1/devices/" + serial + "/dose-schedule", "application/json",
                "{\"doseTimes\":[\"08:00\"],\"graceMinutes\":30}").status()).isEqualTo(200);

        try (Browser browser = new Browser(port)) {
            browser.size(1280, 900).logIn("homecare-aarhus", "demo").open("/alarms");
            browser.waitFor(By.id("alarm-list"));
            browser.script("window.stillTheSamePage = true");

            clock.setDanish(LocalDateTime.parse("2026-11-25T08:31"));
            jobs.runNow("alarm-detection");
            String alarm = jdbc.sql("select id::text from alarms.alarm where serial = ? and kind = 'MISSED_DOSE'")
                    .param(serial).query(String.class).single();

            By row = By.id("alarm-" + alarm);
            assertThat(browser.waitForText(row, "Alma Alarmsen")).contains("Dosis ikke taget").contains("25-11-2026 08:30");
            assertThat(browser.script("return window.stillTheSamePage")).as("no reload").isEqualTo(true);
            By sound = By.id("alarm-sound");
            browser.waitFor(By.cssSelector("#alarm-sound[data-beeps]"));
            browser.find(sound).click();
            assertThat(browser.find(sound).getDomAttribute("aria-pressed")).isEqualTo("false");
            assertThat(browser.find(sound).getText()).isEqualTo("Lyd ved nye alarmer: fra");
            browser.screenshot("alarms-live");

            browser.find(row).findElement(By.cssSelector("form[action$='/acknowledge'] button")).click();
            assertThat(browser.waitForText(row, "Taget af homecare-aarhus")).isNotEmpty();
            new Select(browser.find(row).findElement(By.tagName("select"))).selectByValue("VISITED_AND_GIVEN");
            browser.find(row).findElement(By.cssSelector("form[action$='/close'] button")).click();
            assertThat(browser.waitForText(row, "Besøgt og givet")).isNotEmpty();
            browser.screenshot("alarms-closed");
            assertThat(browser.refusedByContentSecurityPolicy()).isEmpty();
        }
        assertThat(jdbc.sql("select outcome from alarms.alarm where serial = ? and kind = 'MISSED_DOSE'").param(serial)
                .query(String.class).single()).isEqualTo("VISITED_AND_GIVEN");
    }
}
