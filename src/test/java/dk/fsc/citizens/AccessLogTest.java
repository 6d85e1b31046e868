package dk.fsc.citizens;

import static dk.fsc.testing.Demo.CITIZEN_AARHUS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The citizen's access log ("Min log") tells who looked, once per look, in words, refusals as refusals. */
@FscIntegrationTest
class AccessLogTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    private long newestId() {
        return jdbc.sql("select coalesce(max(id), 0) from identity.audit_log").query(Long.class).single();
    }

    private List<String> actionsSince(long id, String actor) {
        return jdbc.sql("select action from identity.audit_log where id > ? and actor = ? and citizen_id = ?::uuid"
                + " order by id").params(id, actor, CITIZEN_AARHUS).query(String.class).list();
    }

    @Test
    void onePageViewOfOneCitizenIsOneRow() {
        WebSession caseworker = WebSession.logIn(port, "caseworker-aarhus", "demo");
        long before = newestId();

        assertThat(caseworker.get("/citizens/" + CITIZEN_AARHUS + "/orders").statusCode()).isEqualTo(200);
        assertThat(actionsSince(before, "caseworker-aarhus")).containsExactly("order.read");

        long second = newestId();
        assertThat(caseworker.get("/citizens/" + CITIZEN_AARHUS).statusCode()).isEqualTo(200);
        assertThat(actionsSince(second, "caseworker-aarhus")).containsExactly("citizen.read");
    }

    @Test
    void aChangeIsWrittenEvenWhenThePageReadTheCitizenInTheSameRequest() {
        WebSession agent = WebSession.logIn(port, "agent", "demo");
        long before = newestId();

        HttpResponse<String> saved = agent.post("/citizens/" + CITIZEN_AARHUS + "/contact",
                "phone=86123456&email=birthe%40example.dk");

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(actionsSince(before, "agent")).containsExactly("citizen.update-contact");
    }

    @Test
    void aRefusedAttemptIsMarkedAsRefusedNotAsARead() {
        clock.set(Instant.parse("2030-09-09T08:00:00Z"));
        WebSession warehouse = WebSession.logIn(port, "warehouse", "demo");
        long before = newestId();

        assertThat(warehouse.get("/citizens/" + CITIZEN_AARHUS + "/orders").statusCode()).isEqualTo(403);

        assertThat(actionsSince(before, "warehouse")).containsExactly("access.refused");
        JsonNode newest = CitizensApiTest.firstAt(
                Api.as(port, "citizen-aarhus", "demo").get("/api/v1/me/access-log?size=100").json(), "2030-09-09T08:");
        assertThat(newest.path("actor").asString()).isEqualTo("warehouse");
        assertThat(newest.path("refused").asBoolean()).isTrue();
        String page = WebSession.logIn(port, "citizen-aarhus", "demo").get("/me/access-log").body();
        assertThat(page).contains("Afvist", "Forsøgte at åbne dine oplysninger");
    }

    @Test
    void theCitizensOwnActionsAreLeftOutUnlessAskedFor() {
        WebSession citizen = WebSession.logIn(port, "citizen-aarhus", "demo");
        citizen.get("/citizens/" + CITIZEN_AARHUS + "/orders");
        WebSession.logIn(port, "caseworker-aarhus", "demo").get("/citizens/" + CITIZEN_AARHUS);

        assertThat(citizen.get("/me/access-log").body()).as("the header names the person signed in")
                .contains("<span class=\"user\">Borger i Aarhus</span>");
        String others = table(citizen.get("/me/access-log").body());
        assertThat(others).as("people by name, their municipality by name").contains("Visitator, Aarhus", "(Kommune: Aarhus)")
                .doesNotContain("caseworker-aarhus", "751").doesNotContain("Borger i Aarhus");
        String all = table(citizen.get("/me/access-log?own=true").body());
        assertThat(all).contains("Visitator, Aarhus", "Borger i Aarhus");

        Api api = Api.as(port, "citizen-aarhus", "demo");
        assertThat(api.get("/api/v1/me/access-log").body()).doesNotContain("\"citizen-aarhus\"");
        assertThat(api.get("/api/v1/me/access-log?includeOwn=true").body()).contains("\"citizen-aarhus\"");
    }

    @Test
    void everyActionReadsAsWordsInBothLanguages() {
        WebSession citizen = WebSession.logIn(port, "citizen-aarhus", "demo");
        WebSession.logIn(port, "caseworker-aarhus", "demo").get("/citizens/" + CITIZEN_AARHUS + "/grants");

        String danish = citizen.get("/me/access-log?own=true").body();
        assertThat(danish).doesNotContain("??").contains("Så dine bevillinger");
        String english = citizen.get("/me/access-log?own=true&lang=en").body();
        assertThat(english).doesNotContain("??").contains("Viewed your grants");
    }

    private static String table(String html) {
        int start = html.indexOf("<table id=\"access-log\"");
        return start < 0 ? "" : html.substring(start, html.indexOf("</table>", start));
    }
}
