package dk.fsc.identity;

import static dk.fsc.testing.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import dk.fsc.shared.Cpr;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.Users;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A failed login leaves nothing of what was typed in the session or the log, and reads the
 * same whether the name is unknown, the password wrong or the account locked.
 */
@FscIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FailedLoginsTest {

    /** A fictitious CPR number, in the ways people type one. */
    static final List<String> TYPED_CPR = List.of("1206851957", "120685-1957", "120685 1957");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    String newUser(String password) {
        return Users.anAgent(jdbc, passwords, "login", password);
    }

    HttpResponse<String> formLogin(WebSession session, String user, String password) {
        return session.post("/login", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    /** Every session attribute stored in PostgreSQL, as the bytes they are stored as. */
    List<byte[]> storedSessionAttributes() {
        return jdbc.sql("select attribute_bytes from identity.spring_session_attributes").query(byte[].class).list();
    }

    static boolean contains(byte[] stored, String text) {
        return new String(stored, StandardCharsets.ISO_8859_1)
                .contains(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    @Test
    void aFailedFormLoginKeepsNeitherTheTypedNameNorThePasswordInTheSession() {
        String password = "hemmelig-" + UUID.randomUUID();
        String user = newUser("den-rigtige-adgangskode");
        WebSession session = WebSession.anonymous(port);

        assertThat(location(formLogin(session, user, password))).endsWith("/login?error");
        assertThat(location(formLogin(session, TYPED_CPR.getFirst(), password))).endsWith("/login?error");

        assertThat(session.sessionCookie()).as("the login page's session, for its CSRF token").isPresent();
        assertThat(storedSessionAttributes()).isNotEmpty().noneMatch(stored -> contains(stored, password)
                || contains(stored, user) || contains(stored, TYPED_CPR.getFirst())
                || contains(stored, "BadCredentials"));
    }

    @Test
    void aCprNumberTypedAsTheUserNameIsNeverLogged(CapturedOutput output) {
        for (String cpr : TYPED_CPR) {
            formLogin(WebSession.anonymous(port), cpr, "forkert");
            assertProblem(Api.as(port, cpr, "forkert").get("/api/v1/regions"), 401);
        }
        String user = newUser("den-rigtige-adgangskode");
        formLogin(WebSession.anonymous(port), user, "forkert");

        assertThat(output.getOut()).contains("Failed login for a name that is no user", "Failed login for user '" + user);
        assertThat(Cpr.appearsIn(output.getOut() + output.getErr())).as("a CPR number in the log").isFalse();
    }

    @Test
    void aLockedAccountReadsTheSameAsAnUnknownNameOnThePageAndOnTheApi() {
        String user = newUser("den-rigtige-adgangskode");
        for (int attempt = 0; attempt < 5; attempt++) {
            formLogin(WebSession.anonymous(port), user, "forkert");
        }
        assertThat(jdbc.sql("select locked_until is not null from identity.app_user where username = ?").param(user)
                .query(Boolean.class).single()).isTrue();

        WebSession locked = WebSession.anonymous(port);
        WebSession unknown = WebSession.anonymous(port);
        HttpResponse<String> lockedAnswer = formLogin(locked, user, "den-rigtige-adgangskode");
        HttpResponse<String> unknownAnswer = formLogin(unknown, "ingen-" + user, "den-rigtige-adgangskode");

        assertThat(location(lockedAnswer)).isEqualTo(location(unknownAnswer)).endsWith("/login?error");
        String lockedPage = locked.follow(lockedAnswer).body();
        String unknownPage = unknown.follow(unknownAnswer).body();
        assertThat(withoutCsrf(lockedPage)).isEqualTo(withoutCsrf(unknownPage));
        assertThat(lockedPage).contains("Du blev ikke logget ind.");
        assertThat(Api.as(port, user, "den-rigtige-adgangskode").get("/api/v1/regions").body())
                .isEqualTo(Api.as(port, "ingen-" + user, "den-rigtige-adgangskode").get("/api/v1/regions").body());
    }

    @Test
    void wrongPasswordsWhileLockedDoNotLengthenTheLock() {
        String user = newUser("den-rigtige-adgangskode");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertProblem(Api.as(port, user, "forkert").get("/api/v1/regions"), 401);
        }
        String lockedUntil = lockedUntil(user);

        assertProblem(Api.as(port, user, "forkert").get("/api/v1/regions"), 401);

        assertThat(lockedUntil(user)).isEqualTo(lockedUntil);
    }

    String lockedUntil(String user) {
        return jdbc.sql("select locked_until::text from identity.app_user where username = ?").param(user)
                .query(String.class).single();
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    static String withoutCsrf(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }
}
