package dk.fsc.identity;

import static dk.fsc.testing.Api.ids;
import static dk.fsc.testing.Demo.CITIZEN_AARHUS;
import static dk.fsc.testing.Demo.CITIZEN_RANDERS;
import static dk.fsc.testing.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.testing.Api;
import dk.fsc.testing.BrokerIntegrationTest;
import dk.fsc.testing.MockBroker;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Login through a real OpenID Connect server standing in for the broker to NemLog-in and MitID. */
@BrokerIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class BrokerLoginTest {

    static final String CPR_CLAIM = "dk:gov:saml:attribute:CprNumberIdentifier";
    static final Map<String, Object> CASEWORKER_AARHUS = Map.of("preferred_username", "sb@aarhus.dk",
            "roles", List.of("Visitator"), "municipality", "0751");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Clicks "Log ind med MitID / NemLog-in" and follows the redirects through the broker and back. */
    HttpResponse<String> logInThroughTheBroker(WebSession browser) {
        HttpResponse<String> loginPage = browser.get("/login");
        assertThat(loginPage.body()).contains("Log ind med MitID / NemLog-in", "/oauth2/authorization/broker");
        HttpResponse<String> toBroker = browser.get("/oauth2/authorization/broker");
        assertThat(toBroker.headers().firstValue("Location").orElse("")).startsWith(MockBroker.issuerUrl());
        return browser.follow(toBroker);
    }

    /** The id under which the session is stored; the cookie holds it base64-encoded. */
    static String sessionId(WebSession browser) {
        return new String(Base64.getDecoder().decode(browser.sessionCookie().orElseThrow()), StandardCharsets.UTF_8);
    }

    static Map<String, Object> withClaim(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> changed = new HashMap<>(claims);
        changed.put(name, value);
        return changed;
    }

    static Api bearer(int port, String token) {
        return Api.withHeader(port, "Authorization", "Bearer " + token);
    }


    @Test
    void aCaseworkerLogsInThroughTheBrokerWithTheMappedRoleAndMunicipality(CapturedOutput output) {
        MockBroker.nextLogin("a1b2-pseudonym", CASEWORKER_AARHUS);
        WebSession browser = WebSession.anonymous(port);

        HttpResponse<String> landed = logInThroughTheBroker(browser);

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getPath()).isEqualTo("/");
        assertThat(landed.body()).contains("sb@aarhus.dk", "Borgere");
        assertThat(jdbc.sql("select count(*) from identity.spring_session where principal_name = 'sb@aarhus.dk'")
                .query(Long.class).single()).isPositive();
        assertThat(browser.get("/citizens/" + CITIZEN_AARHUS).body()).contains("Birthe Sørensen", "contact-form");
        assertThat(browser.get("/citizens/" + CITIZEN_RANDERS).statusCode()).isEqualTo(404);
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select actor || '|' || actor_roles || '|' || actor_municipality from identity.audit_log"
                + " where citizen_id = ?::uuid order by id desc limit 1").param(CITIZEN_AARHUS).query(String.class)
                .single()).isEqualTo("sb@aarhus.dk|MUNICIPAL_CASEWORKER|751");
        assertThat(output.getAll()).contains("Login through the broker of 'sb@aarhus.dk' roles=MUNICIPAL_CASEWORKER"
                + " municipality=751").doesNotContain(MockBroker.CLIENT_SECRET, "eyJ");
    }

    @Test
    void aLoginWithoutAKnownRoleIsRefusedWithADanishReasonAndNoSession(CapturedOutput output) {
        MockBroker.nextLogin("c3d4-pseudonym", Map.of("preferred_username", "ukendt@kommune.dk",
                "roles", List.of("administrator")));
        WebSession browser = WebSession.anonymous(port);

        HttpResponse<String> refused = logInThroughTheBroker(browser);

        assertThat(refused.uri().toString()).endsWith("/login?refused=no-role");
        assertThat(refused.body()).contains("har ingen rolle i Fælles Servicecenter");
        assertThat(browser.get("/citizens").statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from identity.spring_session where principal_name = 'ukendt@kommune.dk'")
                .query(Long.class).single()).isZero();
        assertThat(output.getAll()).contains("Login through the broker refused: The token carries no role");
    }

    @Test
    void aCitizenLogsInWithMitIdAndIsBoundByCprToTheirOwnRecordOnly(CapturedOutput output) {
        String cpr = String.format("1505%02d-%04d", 30 + (int) (Math.random() * 60), (int) (Math.random() * 4000));
        Api.Response registered = Api.as(port, "agent", "demo").postJson("/api/v1/citizens", """
                {"cpr":"%s","name":"MitID Borger","address":{"street":"Vejen 1","postalCode":"8000","city":"Aarhus C"},
                 "municipalityCode":"751"}""".formatted(cpr));
        String id = registered.json().path("id").asString();
        MockBroker.nextLogin("mitid-" + UUID.randomUUID(), Map.of(CPR_CLAIM, cpr.replace("-", "")));
        WebSession browser = WebSession.anonymous(port);

        HttpResponse<String> landed = logInThroughTheBroker(browser);

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(browser.get("/citizens/" + id).body()).contains("MitID Borger", "contact-form")
                .doesNotContain("address-form", cpr.substring(7));
        assertThat(browser.get("/citizens/" + CITIZEN_AARHUS).statusCode()).isEqualTo(404);
        assertThat(browser.get("/me/access-log").statusCode()).isEqualTo(200);
        assertThat(output.getAll()).contains("roles=CITIZEN citizen=" + id).doesNotContain(cpr,
                cpr.replace("-", ""));
        String session = jdbc.sql("select string_agg(encode(attribute_bytes, 'escape'), '') from"
                + " identity.spring_session_attributes a join identity.spring_session s on s.primary_id ="
                + " a.session_primary_id where s.session_id = ?").param(sessionId(browser)).query(String.class)
                .single();
        assertThat(session).contains("BrokerPerson").doesNotContain(cpr.replace("-", ""), cpr, CPR_CLAIM, "eyJ");

        MockBroker.nextLogin("mitid-" + UUID.randomUUID(), Map.of(CPR_CLAIM, "0101011234"));
        assertThat(logInThroughTheBroker(WebSession.anonymous(port)).body())
                .contains("er ikke registreret som borger");
    }

    @Test
    void aBearerTokenFromTheBrokerSearchesWithTheMappedScope() {
        Api caseworker = bearer(port, MockBroker.token(CASEWORKER_AARHUS));

        List<String> found = ids(caseworker.postJson("/api/v1/citizens/search", "{\"name\":\"en\"}"));

        assertThat(found).contains(CITIZEN_AARHUS).doesNotContain(CITIZEN_RANDERS);
        assertThat(caseworker.get("/api/v1/citizens/" + CITIZEN_AARHUS).status()).isEqualTo(200);
        assertProblem(caseworker.get("/api/v1/citizens/" + CITIZEN_RANDERS), 404);
        assertProblem(caseworker.get("/api/v1/users"), 403);
        assertThat(Api.as(port, "agent", "demo").get("/api/v1/regions").status()).isEqualTo(200);
    }

    @Test
    void tokensOfAnotherIssuerOrAudienceExpiredOrBadlySignedAre401(CapturedOutput output) {
        String search = "{\"name\":\"Birthe\"}";
        List<String> invalid = List.of(
                MockBroker.token("another-broker", MockBroker.CLIENT_ID, CASEWORKER_AARHUS),
                MockBroker.token(MockBroker.ISSUER, "another-client", CASEWORKER_AARHUS),
                MockBroker.token(withClaim(CASEWORKER_AARHUS, "iss", "https://broker.example")),
                MockBroker.expiredToken(CASEWORKER_AARHUS),
                MockBroker.token(CASEWORKER_AARHUS).replaceFirst("\\.[^.]+$", ".c2lnbmF0dXJl"),
                "not-a-token");

        for (String token : invalid) {
            JsonNode problem = assertProblem(bearer(port, token).postJson("/api/v1/citizens/search", search), 401);
            assertThat(problem.path("type").asString()).isEqualTo("/problems/unauthorized");
            assertThat(output.getAll()).doesNotContain(token);
        }
    }

    @Test
    void aValidTokenWithoutAUsableRoleIs403SayingWhy() {
        JsonNode noRole = assertProblem(bearer(port, MockBroker.token(Map.of("preferred_username", "x@y.dk")))
                .postJson("/api/v1/citizens/search", "{\"name\":\"Birthe\"}"), 403);
        JsonNode noMunicipality = assertProblem(bearer(port, MockBroker.token(Map.of("preferred_username", "x@y.dk",
                "roles", List.of("Visitator")))).get("/api/v1/regions"), 403);

        assertThat(noRole.path("detail").asString()).isEqualTo("The token carries no role of this platform.");
        assertThat(noMunicipality.path("detail").asString()).contains("municipality");
    }
}
