package dk.fsc.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dk.fsc.reference.Payer;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * What support tells the other modules: the nurse's minutes on a referral are a contact like the
 * agents', published as {@link ContactRegistered} for invoicing and statistics. Scenarios run in the
 * platform's one shared test context ({@link EnableScenarios}), so no module context is started.
 */
@FscIntegrationTest
@EnableScenarios
class SupportModuleTest {

    static final String AARHUS = "a0000000-0000-4000-8000-000000000751";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ContactsHeard heard;

    @Autowired
    TestClock clock;

    @Test
    void theNursesMinutesArePublishedAsAContactBilledToTheCitizensMunicipalityOnce(Scenario scenario) {
        WebSession agent = WebSession.logIn(port, "agent", "demo");
        UUID contact = SupportDeskTest.idIn(agent.post("/support/contacts",
                SupportDeskTest.contactForm(AARHUS, "HEALTH_QUESTION", "4", "MUNICIPALITY")), "/support/contacts/");
        agent.post("/support/contacts/" + contact + "/referrals",
                "nurse=nurse-region&question=" + SupportDeskTest.encode("Utæt bandage om natten"));
        UUID referral = jdbc.sql("select id from support.referral where contact_id = ?").param(contact)
                .query(UUID.class).single();
        WebSession nurse = WebSession.logIn(port, "nurse-region", "demo");

        scenario.stimulate(() -> nurse.post("/support/referrals/" + referral + "/close",
                "minutes=17&note=" + SupportDeskTest.encode("Ny bandagetype anbefalet")))
                .andWaitForEventOfType(ContactRegistered.class)
                .matching(event -> event.contactId().equals(referral))
                .toArriveAndVerify(event -> {
                    assertThat(event.revision()).isEqualTo(1);
                    assertThat(event.minutes()).isEqualTo(17);
                    assertThat(event.topic()).isEqualTo(ContactTopic.HEALTH_QUESTION);
                    assertThat(event.channel()).isEqualTo("PHONE_OUT");
                    assertThat(event.billedTo()).as("the citizen's municipality, also for the region's nurse")
                            .isEqualTo(new Payer(Payer.Kind.MUNICIPALITY, "751"));
                    assertThat(event.citizenId().value()).isEqualTo(UUID.fromString(AARHUS));
                    assertThat(event.contactDate()).isEqualTo(clock.today());
                    assertThat(event.registeredBy()).isEqualTo("nurse-region");
                });

        assertThat(nurse.post("/support/referrals/" + referral + "/close", "minutes=5&note=igen").body())
                .as("a closed referral is not closed again").contains("allerede afsluttet");
        assertThat(heard.of(referral)).as("published once").hasSize(1);
    }
}
