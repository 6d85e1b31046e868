package dk.fsc.identity;

import static dk.fsc.testing.Demo.CITIZEN_AARHUS;
import static dk.fsc.testing.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@FscIntegrationTest
class SessionsAndCsrfTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** The id under which the session is stored; the cookie holds it base64-encoded. */
    private static String sessionId(WebSession session) {
        return new String(Base64.getDecoder().decode(session.sessionCookie().orElseThrow()), StandardCharsets.UTF_8);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    @Test
    void aSessionDeletedFromTheDatabaseSendsTheBrowserToTheLoginPageSayingItExpired() {
        WebSession session = WebSession.logIn(port, "nurse-aarhus", "demo");
        assertThat(session.get("/citizens/" + CITIZEN_AARHUS).statusCode()).isEqualTo(200);

        jdbc.sql("delete from identity.spring_session where session_id = ?").param(sessionId(session)).update();

        HttpResponse<String> page = session.get("/citizens/" + CITIZEN_AARHUS);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(location(page)).endsWith("/login?expired");
        assertThat(session.get("/login?expired").body()).contains("Din session er udløbet. Log ind igen.");
    }

    @Test
    void anExpiredSessionIsEndedAndAnHtmxRequestIsToldToGoToTheLoginPage() {
        WebSession session = WebSession.logIn(port, "nurse-aarhus", "demo");
        jdbc.sql("update identity.spring_session set last_access_time = last_access_time - 3600000,"
                + " expiry_time = expiry_time - 3600000 where session_id = ?").param(sessionId(session)).update();

        HttpResponse<String> partial = session.getAsHtmx("/citizens/" + CITIZEN_AARHUS);

        assertThat(partial.statusCode()).isEqualTo(401);
        assertThat(partial.headers().firstValue("HX-Redirect").orElse("")).isEqualTo("/login?expired");
        assertThat(partial.body()).doesNotContain("Birthe");
    }

    @Test
    void theApiIgnoresSessionCookiesAndAnswers401Problem() {
        WebSession session = WebSession.logIn(port, "agent", "demo");
        String cookie = "SESSION=" + session.sessionCookie().orElseThrow();

        assertProblem(Api.withHeader(port, "Cookie", cookie).get("/api/v1/citizens/" + CITIZEN_AARHUS), 401);
        jdbc.sql("delete from identity.spring_session where session_id = ?").param(sessionId(session)).update();
        assertProblem(Api.withHeader(port, "Cookie", cookie).get("/api/v1/citizens/" + CITIZEN_AARHUS), 401);
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedWith403AndChangesNothing() {
        WebSession session = WebSession.logIn(port, "caseworker-aarhus", "demo");
        String phone = jdbc.sql("select coalesce(phone, '') from citizens.citizen where id = ?::uuid")
                .param(CITIZEN_AARHUS).query(String.class).single();
        assertThat(session.get("/citizens/" + CITIZEN_AARHUS).body()).contains("contact-form");

        HttpResponse<String> refused = session.postWithoutCsrf("/citizens/" + CITIZEN_AARHUS + "/contact",
                "phone=99999999&email=");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Du har ikke adgang");
        assertThat(jdbc.sql("select coalesce(phone, '') from citizens.citizen where id = ?::uuid")
                .param(CITIZEN_AARHUS).query(String.class).single()).isEqualTo(phone);
        assertThat(session.get("/citizens/" + CITIZEN_AARHUS).statusCode()).isEqualTo(200);
    }
}
