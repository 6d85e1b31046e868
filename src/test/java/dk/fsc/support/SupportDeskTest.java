package dk.fsc.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.reference.Payer;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one point of contact through its pages: the whole-citizen view and who may open it, contacts
 * with their minutes and the event they publish, tasks, complaints, referrals to a nurse and the
 * citizen's own messages, with the bad input the issue names.
 */
@FscIntegrationTest
class SupportDeskTest {

    static final String AARHUS = "a0000000-0000-4000-8000-000000000751";
    static final String RANDERS = "a0000000-0000-4000-8000-000000000730";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ContactsHeard heard;

    @Autowired
    TestClock clock;

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String contactForm(String citizen, String topic, String minutes, String billing) {
        return "citizenId=" + citizen + "&channel=PHONE_IN&topic=" + topic + "&minutes=" + encode(minutes)
                + "&billing=" + billing + "&notes=" + encode("Intern note om pakken") + "&outcome=" + encode("Løst");
    }

    static UUID idIn(HttpResponse<String> redirect, String prefix) {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        String rest = location.substring(location.indexOf(prefix) + prefix.length());
        return UUID.fromString(rest.substring(0, 36));
    }

    long contacts() {
        return jdbc.sql("select count(*) from support.contact").query(Long.class).single();
    }

    long auditRows(String citizen, String action) {
        return jdbc.sql("select count(*) from identity.audit_log where citizen_id = ?::uuid and action = ?")
                .params(citizen, action).query(Long.class).single();
    }

    @Test
    void anAgentFindsACitizenOpensTheWholeViewOnceAuditedAndRegistersAndCorrectsAContact() {
        WebSession agent = WebSession.logIn(port, "agent", "demo");
        assertThat(agent.post("/support/search", "name=Birthe").body()).contains("/support/citizens/" + AARHUS);
        assertThat(agent.post("/support/search", "name=x").body()).contains("name-error");

        long views = auditRows(AARHUS, "support.view");
        long consumptionReads = auditRows(AARHUS, "order.consumption");
        String view = agent.get("/support/citizens/" + AARHUS).body();
        assertThat(view).contains("Birthe Sørensen", "id=\"orders-citizen-panel\"", "id=\"grants-citizen-panel\"",
                "tilbage af", "Tidligere henvendelser", "/citizens/" + AARHUS + "/orders",
                "/support/contacts/new?citizen=" + AARHUS);
        assertThat(auditRows(AARHUS, "support.view")).isEqualTo(views + 1);
        assertThat(auditRows(AARHUS, "order.consumption")).isEqualTo(consumptionReads);

        String form = agent.get("/support/contacts/new?citizen=" + AARHUS).body();
        assertThat(form).contains("data-timer=\"on\"", "/js/contact-timer.js");

        UUID contact = idIn(agent.post("/support/contacts", contactForm(AARHUS, "DELIVERY", "7", "MUNICIPALITY")),
                "/support/contacts/");
        assertThat(heard.of(contact)).singleElement().satisfies(event -> {
            assertThat(event.revision()).isEqualTo(1);
            assertThat(event.minutes()).isEqualTo(7);
            assertThat(event.billedTo()).isEqualTo(new Payer(Payer.Kind.MUNICIPALITY, "751"));
            assertThat(event.topic()).isEqualTo(ContactTopic.DELIVERY);
            assertThat(event.citizenId().value()).isEqualTo(UUID.fromString(AARHUS));
            assertThat(event.contactDate()).isEqualTo(clock.today());
        });

        idIn(agent.post("/support/contacts/" + contact, contactForm(AARHUS, "DELIVERY", "9", "MUNICIPALITY")),
                "/support/contacts/");
        assertThat(heard.of(contact)).extracting(ContactRegistered::revision, ContactRegistered::minutes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 7), org.assertj.core.groups.Tuple.tuple(2, 9));
        assertThat(agent.get("/support/citizens/" + AARHUS).body()).contains("/support/contacts/" + contact);

        UUID telehealth = idIn(agent.post("/support/contacts", contactForm(AARHUS, "DEVICE", "3", "REGION")),
                "/support/contacts/");
        assertThat(heard.of(telehealth).getFirst().billedTo()).isEqualTo(new Payer(Payer.Kind.REGION, "1082"));
    }

    @Test
    void badMinutesAndBillingAreRefusedNextToTheirFieldsAndNothingIsSaved() {
        WebSession agent = WebSession.logIn(port, "agent", "demo");
        long before = contacts();
        for (String minutes : List.of("-1", "481", "tre", "")) {
            assertThat(agent.post("/support/contacts", contactForm(AARHUS, "DELIVERY", minutes, "MUNICIPALITY")).body())
                    .as(minutes).contains("minutes-error", "et helt tal fra 0 til 480");
        }
        assertThat(agent.post("/support/contacts", contactForm(AARHUS, "DELIVERY", "5", "REGION")).body())
                .contains("billing-error", "kun for telesundhed");
        assertThat(agent.post("/support/contacts", "channel=EMAIL&topic=OTHER&minutes=2&billedMunicipality=999").body())
                .contains("billedMunicipality-error");
        assertThat(agent.post("/support/contacts", "channel=FAX&topic=NONSENSE&minutes=2&billedMunicipality=751").body())
                .contains("channel-error", "topic-error");
        assertThat(agent.post("/support/contacts", contactForm(UUID.randomUUID().toString(), "OTHER", "2", "MUNICIPALITY"))
                .body()).contains("Borgeren findes ikke");
        assertThat(contacts()).isEqualTo(before);

        UUID anonymous = idIn(agent.post("/support/contacts", "channel=EMAIL&topic=OTHER&minutes=2&billedMunicipality=730"),
                "/support/contacts/");
        assertThat(heard.of(anonymous).getFirst().citizenId()).isNull();
        assertThat(heard.of(anonymous).getFirst().billedTo().code()).isEqualTo("730");
    }

    @Test
    void theCaseworkerOfTheCitizensMunicipalitySeesTheViewReadOnlyAndEveryoneElseGets404() {
        WebSession agent = WebSession.logIn(port, "agent", "demo");
        UUID contact = idIn(agent.post("/support/contacts", contactForm(AARHUS, "ORDERING", "4", "MUNICIPALITY")),
                "/support/contacts/");
        UUID task = idIn(agent.post("/support/tasks", "citizenId=" + AARHUS + "&title=" + encode("Ring tilbage")
                + "&owner=team:CALL_CENTER&due=" + clock.today() + "&priority=HIGH"), "/support/tasks/");

        WebSession caseworker = WebSession.logIn(port, "caseworker-aarhus", "demo");
        String view = caseworker.get("/support/citizens/" + AARHUS).body();
        assertThat(view).contains("kan ikke ændre", "Ring tilbage").doesNotContain("id=\"task-form\"",
                "id=\"start-contact\"");
        assertThat(caseworker.get("/support/contacts/" + contact).body()).contains("disabled");
        assertThat(caseworker.get("/support/tasks/" + task).statusCode()).isEqualTo(200);
        assertThat(caseworker.post("/support/tasks/" + task + "/close", "closingNote=x").statusCode()).isEqualTo(403);

        WebSession other = WebSession.logIn(port, "caseworker-randers", "demo");
        assertThat(other.get("/support/citizens/" + AARHUS).statusCode()).isEqualTo(404);
        assertThat(other.get("/support/contacts/" + contact).statusCode()).isEqualTo(404);
        assertThat(other.get("/support/tasks/" + task).statusCode()).isEqualTo(404);
        for (String user : List.of("nurse-aarhus", "homecare-aarhus")) {
            assertThat(WebSession.logIn(port, user, "demo").get("/support/citizens/" + AARHUS).statusCode()).as(user)
                    .isEqualTo(404);
        }
        assertThat(WebSession.logIn(port, "citizen-aarhus", "demo").get("/support/contacts/" + contact).statusCode())
                .isIn(403, 404);
    }

    @Test
    void tasksNeedAnOwnerAndADueDateAreMarkedOverdueAndCloseOnlyWithANote() {
        WebSession agent = WebSession.logIn(port, "agent", "demo");
        String refused = agent.post("/support/tasks", "citizenId=" + AARHUS + "&title=&owner=nobody&due="
                + clock.today().minusDays(1) + "&priority=URGENT").body();
        assertThat(refused).contains("title-error", "owner-error", "due-error", "priority-error");

        UUID task = idIn(agent.post("/support/tasks", "citizenId=" + AARHUS + "&title=" + encode("Tjek levering")
                + "&owner=agent&due=" + clock.today() + "&priority=NORMAL"), "/support/tasks/");
        assertThat(agent.get("/support").body()).contains("Tjek levering");
        clock.advance(Duration.ofDays(2));
        assertThat(agent.get("/support/tasks/" + task).body()).contains("Overskredet");

        assertThat(agent.post("/support/tasks/" + task + "/close", "closingNote=").body()).contains("closingNote-error");
        assertThat(agent.post("/support/tasks/" + task + "/close", "closingNote=" + encode("Pakken er fundet"))
                .statusCode()).isEqualTo(302);
        assertThat(agent.get("/support/tasks/" + task).body()).contains("Pakken er fundet").doesNotContain("close-task");
        assertThat(agent.get("/support").body()).doesNotContain("Tjek levering");
    }

    @Test
    void aComplaintIsReceivedAnsweredWithinItsWorkingDaysAndClosed() {
        clock.setDanish(LocalDateTime.of(2026, 12, 17, 10, 0));
        WebSession citizen = WebSession.logIn(port, "citizen-aarhus", "demo");
        citizen.postMultipart("/my/contacts", Map.of("topic", "COMPLAINT", "message", "Pakken kom for sent"), null);
        UUID complaint = jdbc.sql("select id from support.contact where topic = 'COMPLAINT' and message = ?"
                + " order by registered_at desc limit 1").param("Pakken kom for sent").query(UUID.class).single();
        // Thursday 17 December 2026 plus 10 working days: Christmas Day and New Year's Day do not count.
        assertThat(jdbc.sql("select complaint_due::text from support.contact where id = ?").param(complaint)
                .query(String.class).single()).isEqualTo("2027-01-04");

        WebSession agent = WebSession.logIn(port, "agent", "demo");
        assertThat(agent.post("/support/contacts/" + complaint + "/complaint-closed", "").body())
                .contains("først lukkes, når den er besvaret");
        agent.post("/support/contacts/" + complaint + "/answer", "answer=" + encode("Vi beklager") + "&answerMinutes=6");
        assertThat(agent.post("/support/contacts/" + complaint + "/complaint-closed", "").statusCode()).isEqualTo(302);
        assertThat(agent.get("/support/contacts/" + complaint).body()).contains("Lukket");
    }

    @Test
    void aHealthQuestionIsReferredToANurseOfTheCitizensMunicipalityWhoClosesItAndOnlyNursesAndTheCaseworkerSeeHerNote() {
        WebSession agent = WebSession.logIn(port, "agent", "demo");
        UUID contact = idIn(agent.post("/support/contacts", contactForm(AARHUS, "HEALTH_QUESTION", "5", "MUNICIPALITY")),
                "/support/contacts/");
        String page = agent.get("/support/contacts/" + contact).body();
        assertThat(page).contains("refer-form", "value=\"nurse-aarhus\"", "value=\"nurse-region\"");

        assertThat(agent.post("/support/contacts/" + contact + "/referrals", "nurse=nobody&question=" + encode("Rød hud"))
                .body()).contains("nurse-error");
        UUID randersContact = idIn(agent.post("/support/contacts",
                contactForm(RANDERS, "HEALTH_QUESTION", "5", "MUNICIPALITY")), "/support/contacts/");
        assertThat(agent.post("/support/contacts/" + randersContact + "/referrals",
                "nurse=nurse-aarhus&question=" + encode("Rød hud")).body()).contains("nurse-error");
        assertThat(agent.post("/support/contacts/" + contact + "/referrals", "nurse=nurse-aarhus&question=").body())
                .contains("question-error");

        assertThat(agent.post("/support/contacts/" + contact + "/referrals",
                "nurse=nurse-aarhus&question=" + encode("Rød hud omkring stomien")).statusCode()).isEqualTo(302);
        UUID referral = jdbc.sql("select id from support.referral where contact_id = ?").param(contact)
                .query(UUID.class).single();

        WebSession nurse = WebSession.logIn(port, "nurse-aarhus", "demo");
        assertThat(nurse.get("/support/referrals").body()).contains("/support/referrals/" + referral);
        assertThat(WebSession.logIn(port, "nurse-region", "demo").get("/support/referrals/" + referral).statusCode())
                .isEqualTo(404);
        assertThat(nurse.post("/support/referrals/" + referral + "/close", "minutes=500&note=").body())
                .contains("minutes-error", "note-error");
        assertThat(nurse.post("/support/referrals/" + referral + "/close",
                "minutes=20&note=" + encode("Svamp; creme ordineret")).statusCode()).isEqualTo(302);
        assertThat(nurse.get("/support/referrals").body()).doesNotContain("/support/referrals/" + referral);

        assertThat(agent.get("/support/citizens/" + AARHUS).body()).contains("afsluttet")
                .doesNotContain("creme ordineret");
        assertThat(WebSession.logIn(port, "caseworker-aarhus", "demo").get("/support/citizens/" + AARHUS).body())
                .contains("creme ordineret");
    }

    @Test
    void aCitizenWritesWithAnAttachmentThatIsWhatItsNameSaysAndSeesTheAnswerButNeverTheNotes() {
        WebSession citizen = WebSession.logIn(port, "citizen-aarhus", "demo");
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 };
        byte[] pdf = "%PDF-1.4\n%fake but well-formed enough\n".getBytes(StandardCharsets.US_ASCII);
        long before = contacts();

        assertThat(citizen.postMultipart("/my/contacts", Map.of("topic", "DELIVERY", "message", "Se billedet"),
                new WebSession.Upload("attachment", "kvittering.pdf", "application/pdf", png)).body())
                .contains("attachment-error", "indholdet skal passe");
        assertThat(citizen.postMultipart("/my/contacts", Map.of("topic", "DELIVERY", "message", "Se filen"),
                new WebSession.Upload("attachment", "program.exe", "application/pdf", pdf)).body())
                .contains("attachment-error");
        assertThat(citizen.postMultipart("/my/contacts", Map.of("topic", "DELIVERY", "message", "Stor fil"),
                new WebSession.Upload("attachment", "stor.pdf", "application/pdf", new byte[5 * 1024 * 1024 + 1])).body())
                .contains("attachment-error", "højst 5 MB");
        assertThat(citizen.postMultipart("/my/contacts", Map.of("topic", "", "message", ""), null).body())
                .contains("topic-error", "message-error");
        assertThat(contacts()).isEqualTo(before);

        assertThat(citizen.postMultipart("/my/contacts", Map.of("topic", "DELIVERY", "message", "Hvor er min pakke?"),
                new WebSession.Upload("attachment", "kvittering.pdf", "application/pdf", pdf)).statusCode()).isEqualTo(302);
        UUID contact = jdbc.sql("select id from support.contact where message = 'Hvor er min pakke?'").query(UUID.class)
                .single();

        WebSession agent = WebSession.logIn(port, "agent", "demo");
        assertThat(agent.get("/support").body()).contains("/support/contacts/" + contact);
        agent.post("/support/contacts/" + contact, "channel=WEB_FORM&topic=DELIVERY&minutes=0&billing=MUNICIPALITY"
                + "&notes=" + encode("HEMMELIG intern note") + "&outcome=");
        assertThat(agent.post("/support/contacts/" + contact + "/answer", "answer=" + encode("Den kommer i morgen")
                + "&answerMinutes=4").statusCode()).isEqualTo(302);
        assertThat(heard.of(contact)).last().satisfies(event -> assertThat(event.minutes()).isEqualTo(4));
        assertThat(agent.get("/support").body()).doesNotContain("/support/contacts/" + contact);
        idIn(agent.post("/support/contacts", contactForm(AARHUS, "DELIVERY", "2", "MUNICIPALITY")), "/support/contacts/");

        String own = citizen.get("/my/contacts").body();
        assertThat(own).contains("Hvor er min pakke?", "Den kommer i morgen", "kvittering.pdf", "Du ringede til os.")
                .doesNotContain("HEMMELIG", "Intern note om pakken");
        assertThat(citizen.get("/support/contacts/" + contact).statusCode()).isIn(403, 404);
    }
}
