package dk.fsc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one point of contact (issue 15) in one browser, each user logging in after the other: a
 * citizen writes through the web form on a phone; the agent answers from the queue, finds a
 * citizen, sees the whole-citizen view, registers a contact with minutes from the timer, orders
 * from there and refers a health question to the municipality's stoma nurse, who closes it; the
 * citizen reads the answer. What each may see (internal notes, the nurse's note) and the bad input
 * are SupportDeskTest's.
 */
@FscIntegrationTest
class SupportJourneyTest {

    static final String CITIZEN = "a0000000-0000-4000-8000-000000000751";
    static final String FLAT_BASEPLATE = "b0000000-0000-4000-8000-000000000005";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    /** 1 March 2027: ten calls answered after 20 s; 3 March: ten calls, three answered after 90 s, one abandoned. */
    void importCalls() {
        StringBuilder csv = new StringBuilder("queue,call_id,start,answered,abandoned,end,agent\n");
        for (int i = 0; i < 10; i++) {
            csv.append("Stomi,journey-a-%d,2027-03-01 09:0%d:00,2027-03-01 09:0%d:20,,2027-03-01 09:0%d:50,agent\n"
                    .formatted(i, i, i, i));
            String answered = i < 3 ? "2027-03-03 10:0%d:30".formatted(i + 1) : "2027-03-03 10:0%d:10".formatted(i);
            csv.append(i == 9 ? "Stomi,journey-b-9,2027-03-03 10:09:00,,2027-03-03 10:09:40,2027-03-03 10:09:40,\n"
                    : "Stomi,journey-b-%d,2027-03-03 10:0%d:00,%s,,2027-03-03 10:0%d:59,agent\n".formatted(i, i,
                            answered, i + 1));
        }
        Api.Response imported = Api.as(port, "admin", "demo").send("POST", "/api/v1/call-records", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    @Test
    void aCitizenWritesTheAgentAnswersHelpsHerOnThePhoneAndRefersAHealthQuestionToTheNurseWhoClosesIt() {
        clock.setDanish(LocalDateTime.of(2027, 3, 10, 10, 0));
        try (Browser browser = new Browser(port)) {
            browser.size(390, 844).logIn("citizen-aarhus", "demo").open("/");
            browser.find(By.linkText("Skriv til os")).click();
            new Select(browser.waitFor(By.id("topic"))).selectByValue("PRODUCT_QUESTION");
            browser.find(By.id("message")).sendKeys("Kan jeg få poser med filter?");
            browser.find(By.id("send-message")).click();
            assertThat(browser.waitForText(By.id("notice"), "modtaget")).contains("Svaret kommer her");
            assertThat(browser.overflowing()).as("nothing wider than a phone").isEmpty();
            browser.screenshot("support-citizen-message-phone");
            browser.logOut();

            browser.size(1280, 900).logIn("agent", "demo").open("/support");
            browser.find(By.xpath("//table[@id='web-queue']//tr[contains(., 'poser med filter')]//a")).click();
            browser.waitFor(By.id("answer")).sendKeys("Ja, vi sender en prøve.");
            browser.find(By.id("answerMinutes")).sendKeys("3");
            browser.find(By.cssSelector("#answer-form button[type=submit]")).click();
            assertThat(browser.waitForText(By.id("notice"), "sendt")).isEqualTo("Svaret er sendt til borgeren.");

            browser.open("/support");
            browser.find(By.id("name")).sendKeys("Birthe Sørensen");
            browser.find(By.cssSelector("#search-form button[type=submit]")).click();
            browser.waitFor(By.cssSelector("#search-results a[href$='" + CITIZEN + "']")).click();
            assertThat(browser.waitFor(By.id("orders-citizen-panel")).getText()).contains("tilbage af");
            assertThat(browser.find(By.id("grants-citizen-panel")).getText()).contains("Aktiv");
            browser.checkAccessibility().screenshot("support-whole-citizen-view");

            browser.find(By.id("start-contact")).click();
            assertThat(browser.waitForText(By.id("timer"), "00:0")).startsWith("Tid: 00:0");
            assertThat(browser.find(By.id("minutes")).getAttribute("value")).as("filled by the timer").isEqualTo("1");
            new Select(browser.find(By.id("topic"))).selectByValue("DELIVERY");
            browser.find(By.id("notes")).sendKeys("Spurgte til næste levering");
            browser.checkAccessibility().screenshot("support-contact-form");
            browser.find(By.id("save-contact")).click();
            assertThat(browser.waitForText(By.id("notice"), "gemt")).isEqualTo("Henvendelsen er gemt.");
            assertThat(jdbc.sql("select minutes from support.contact where notes = 'Spurgte til næste levering'")
                    .query(Integer.class).single()).isEqualTo(1);

            browser.find(By.id("to-citizen")).click();
            browser.waitFor(By.id("start-order")).click();
            browser.waitFor(By.id("qty-" + FLAT_BASEPLATE)).sendKeys("1");
            browser.find(By.id("hole-" + FLAT_BASEPLATE)).clear();
            browser.find(By.id("hole-" + FLAT_BASEPLATE)).sendKeys("28");
            browser.find(By.cssSelector("#order-form button[type=submit]")).click();
            assertThat(browser.waitFor(By.id("placed")).getText()).contains("Basisplade flad");

            browser.open("/support/citizens/" + CITIZEN);
            assertThat(browser.find(By.id("recent-orders")).getText()).contains("10-03-2027");
            browser.find(By.id("start-referral")).click();
            assertThat(new Select(browser.waitFor(By.id("topic"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("HEALTH_QUESTION");
            browser.find(By.id("save-contact")).click();
            browser.waitFor(By.id("refer-form"));
            new Select(browser.find(By.id("nurse"))).selectByValue("nurse-aarhus");
            browser.find(By.id("question")).sendKeys("Huden omkring stomien er rød og øm");
            browser.find(By.cssSelector("#refer-form button[type=submit]")).click();
            assertThat(browser.waitForText(By.id("notice"), "henvist")).contains("stomisygeplejersken");

            importCalls();
            browser.open("/support/calls?unit=DAY&from=2027-03-01&to=2027-03-05");
            browser.waitFor(By.cssSelector("#call-figures[data-chart-drawn='true']"));
            assertThat(browser.findAll(By.cssSelector(".charts canvas[role='img']"))).singleElement()
                    .satisfies(canvas -> assertThat(canvas.getAttribute("aria-label"))
                            .isEqualTo("Andel af opkald besvaret i tide og opgivet pr. periode"));
            assertThat(browser.findAll(By.cssSelector("#call-figures tbody tr"))).hasSize(2);
            browser.script("document.querySelector('.charts').scrollIntoView()");
            browser.screenshot("support-calls");
            browser.size(390, 844).script("document.querySelector('.charts').scrollIntoView()");
            browser.screenshot("support-calls-phone");
            assertThat(browser.overflowing()).as("nothing wider than a phone").isEmpty();
            browser.size(1280, 900).logOut();

            browser.logIn("nurse-aarhus", "demo").open("/support/referrals");
            browser.screenshot("support-nurse-referrals");
            browser.find(By.xpath("//table[@id='referral-list']//tr[contains(., 'Huden omkring stomien')]//a")).click();
            assertThat(browser.waitFor(By.id("question")).getText()).contains("Huden omkring stomien er rød");
            browser.find(By.id("minutes")).sendKeys("15");
            browser.find(By.id("note")).sendKeys("Svampeinfektion; creme ordineret");
            browser.find(By.cssSelector("#close-referral button[type=submit]")).click();
            assertThat(browser.waitForText(By.id("notice"), "afsluttet")).isEqualTo("Henvisningen er afsluttet.");
            browser.logOut();

            browser.size(390, 844).logIn("citizen-aarhus", "demo").open("/my/contacts");
            assertThat(browser.find(By.id("main")).getText()).contains("Ja, vi sender en prøve.");
            browser.screenshot("support-citizen-answer-phone");
        }
    }
}
