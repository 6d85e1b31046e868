package dk.fsc.browser;

import static dk.fsc.testing.Demo.CITIZEN_AARHUS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@FscIntegrationTest
class CitizenChangesJourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** A citizen of Aarhus of this test only, registered through the API. */
    private String registerInAarhus(String name) {
        String cpr = String.format("0101%02d-%04d", 40 + (int) (Math.random() * 50), (int) (Math.random() * 4000));
        Api.Response created = Api.as(port, "agent", "demo").postJson("/api/v1/citizens", """
                {"cpr":"%s","name":"%s","address":{"street":"Mejlgade 1","postalCode":"8000","city":"Aarhus C"},
                 "municipalityCode":"751","phone":"11223344"}""".formatted(cpr, name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private String phoneOf(String id) {
        return jdbc.sql("select coalesce(phone, '') from citizens.citizen where id = ?::uuid").param(id)
                .query(String.class).single();
    }

    @Test
    void aCaseworkerCorrectsContactDataInPlaceSeeingEachReasonNextToItsField() {
        String id = registerInAarhus("Kontakt Rettes " + UUID.randomUUID().toString().substring(0, 4));
        try (Browser browser = new Browser(port)) {
            browser.logIn("caseworker-aarhus", "demo").open("/citizens/" + id);
            browser.script("window.notReloaded = true");

            WebElement phone = browser.find(By.id("phone"));
            phone.clear();
            phone.sendKeys("12");
            browser.find(By.id("email")).sendKeys("ikke-en-adresse");
            browser.find(By.cssSelector("#contact-form button[type=submit]")).click();

            assertThat(browser.waitFor(By.id("phone-error")).getText()).isEqualTo("skal være 8 cifre, eventuelt efter +45");
            assertThat(browser.find(By.id("email-error")).getText()).startsWith("skal være en e-mailadresse");
            assertThat(browser.find(By.id("phone")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find(By.id("phone")).getAttribute("value")).isEqualTo("12");
            assertThat(browser.script("return window.notReloaded")).isEqualTo(true);
            assertThat(phoneOf(id)).isEqualTo("11223344");
            browser.screenshot("citizen-contact-rejected");

            phone = browser.find(By.id("phone"));
            phone.clear();
            phone.sendKeys("+45 87 65 43 21");
            browser.find(By.id("email")).clear();
            browser.find(By.cssSelector("#contact-form button[type=submit]")).click();

            assertThat(browser.waitFor(By.id("saved")).getText()).isEqualTo("Kontaktoplysningerne er gemt.");
            assertThat(browser.find(By.id("phone-value")).getText()).isEqualTo("87654321");
            assertThat(browser.findAll(By.id("phone-error"))).isEmpty();
            assertThat(browser.script("return window.notReloaded")).isEqualTo(true);
            assertThat(phoneOf(id)).isEqualTo("87654321");
        }
    }

    @Test
    void aCaseworkerChangesTheAddressAndAMoveHandsTheCitizenToTheNewMunicipality() {
        String id = registerInAarhus("Flytter Via Side " + UUID.randomUUID().toString().substring(0, 4));
        try (Browser browser = new Browser(port)) {
            browser.logIn("caseworker-aarhus", "demo").open("/citizens/" + id + "?lang=en");
            WebElement postalCode = browser.find(By.id("postalCode"));
            postalCode.clear();
            postalCode.sendKeys("80");
            browser.find(By.cssSelector("#address-form button[type=submit]")).click();
            assertThat(browser.waitFor(By.id("postalCode-error")).getText()).isEqualTo("must be exactly 4 digits");

            browser.open("/citizens/" + id + "?lang=da");
            WebElement street = browser.find(By.id("street"));
            street.clear();
            street.sendKeys("Åboulevarden 12");
            browser.find(By.cssSelector("#address-form button[type=submit]")).click();
            assertThat(browser.waitFor(By.id("saved")).getText()).isEqualTo("Adressen er gemt.");
            assertThat(browser.find(By.id("address-history")).getText()).contains("Åboulevarden 12", "Mejlgade 1");
            browser.screenshot("citizen-address-saved");

            street = browser.find(By.id("street"));
            street.clear();
            street.sendKeys("Storegade 3");
            browser.find(By.id("postalCode")).clear();
            browser.find(By.id("postalCode")).sendKeys("8900");
            browser.find(By.id("city")).clear();
            browser.find(By.id("city")).sendKeys("Randers C");
            new Select(browser.find(By.id("municipalityCode"))).selectByValue("730");
            browser.find(By.cssSelector("#address-form button[type=submit]")).click();

            browser.waitForUrlEnding("/citizens");
            assertThat(browser.waitFor(By.cssSelector(".alert.info")).getText())
                    .isEqualTo("Borgeren er flyttet til Randers og hører nu under den kommune.");
            assertThat(jdbc.sql("select municipality_code from citizens.citizen where id = ?::uuid").param(id)
                    .query(String.class).single()).isEqualTo("730");
        }
    }

    @Test
    void formsAreShownOnlyToThoseWhoMayChange() {
        String id = registerInAarhus("Kun Visning " + UUID.randomUUID().toString().substring(0, 4));
        try (Browser browser = new Browser(port)) {
            browser.logIn("homecare-aarhus", "demo").open("/citizens/" + id);
            assertThat(browser.find(By.tagName("h1")).getText()).startsWith("Kun Visning");
            assertThat(browser.findAll(By.tagName("form")).stream().map(form -> form.getAttribute("id")))
                    .doesNotContain("contact-form", "address-form");
        }
        try (Browser browser = new Browser(port)) {
            browser.logIn("citizen-aarhus", "demo").open("/citizens/" + CITIZEN_AARHUS);
            assertThat(browser.findAll(By.id("contact-form"))).hasSize(1);
            assertThat(browser.findAll(By.id("address-form"))).isEmpty();
            browser.screenshot("citizen-own-page");
        }
    }
}
