package dk.fsc.identity;

import static dk.fsc.testing.Demo.CITIZEN_AARHUS;
import static dk.fsc.testing.Demo.CITIZEN_RANDERS;
import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@FscIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class UserAdministrationApiTest {

    static final String PASSWORD = "lang-nok-adgangskode";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api admin() {
        return Api.as(port, "admin", "demo");
    }

    static String newName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String userJson(String username, String password, String roles, String municipality, String region,
            String citizen) {
        return """
                {"username":"%s","displayName":"Test Bruger","password":"%s","roles":[%s],
                 "municipalityCode":"%s","regionCode":"%s","citizenId":"%s"}"""
                .formatted(username, password, roles, municipality, region, citizen);
    }

    String create(String username, String roles, String municipality) {
        Api.Response created = admin().postJson("/api/v1/users",
                userJson(username, PASSWORD, roles, municipality, "", ""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    /** Rows of the user tables and the audit log, to prove a rejected request changed nothing. */
    List<Long> counts() {
        List<Long> counts = new ArrayList<>();
        for (String table : List.of("identity.app_user", "identity.user_role", "identity.audit_log")) {
            counts.add(jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }

    List<String> audit(String username) {
        return jdbc.sql("select action || ' by ' || actor || ': ' || detail from identity.audit_log"
                + " where subject_user = ? order by id").param(username).query(String.class).list();
    }

    @Test
    void anAdministratorCreatesACaseworkerWhoSeesOnlyTheirMunicipality(CapturedOutput output) {
        String name = newName("visitator");
        Api.Response created = admin().postJson("/api/v1/users",
                userJson(name, PASSWORD, "\"MUNICIPAL_CASEWORKER\"", "0751", "1082", ""));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/v1/users/" + name);
        JsonNode user = created.json();
        assertThat(user.path("roles").toString()).isEqualTo("[\"MUNICIPAL_CASEWORKER\"]");
        assertThat(user.path("municipalityCode").asString()).isEqualTo("751");
        assertThat(user.path("enabled").asBoolean()).isTrue();
        assertThat(user.path("locked").asBoolean()).isFalse();
        assertThat(created.body()).doesNotContain(PASSWORD, "passwordHash", "{bcrypt}");
        assertThat(audit(name)).containsExactly(
                "user.create by admin: roles=MUNICIPAL_CASEWORKER municipality=751 region=1082");
        assertThat(output.getAll()).contains("user.create of user '" + name + "' by 'admin'").doesNotContain(PASSWORD);

        Api caseworker = Api.as(port, name, PASSWORD);
        assertThat(caseworker.get("/api/v1/citizens/" + CITIZEN_AARHUS).status()).isEqualTo(200);
        assertProblem(caseworker.get("/api/v1/citizens/" + CITIZEN_RANDERS), 404);
    }

    @Test
    void rejectsEveryBadFieldNamingItAndSavesNothing() {
        record Bad(String json, String... fields) {
        }
        String name = newName("afvist");
        List<Bad> bad = List.of(
                new Bad(userJson(name, PASSWORD, "\"SUPERUSER\"", "", "", ""), "roles"),
                new Bad(userJson(name, PASSWORD, "", "", "", ""), "roles"),
                new Bad(userJson(name, PASSWORD, "\"MUNICIPAL_CASEWORKER\"", "", "", ""), "municipalityCode"),
                new Bad(userJson(name, PASSWORD, "\"MUNICIPAL_HOMECARE\"", "999", "", ""), "municipalityCode"),
                new Bad(userJson(name, PASSWORD, "\"MUNICIPAL_HOMECARE\"", "abc", "", ""), "municipalityCode"),
                new Bad(userJson(name, PASSWORD, "\"NURSE\"", "", "", ""), "municipalityCode"),
                new Bad(userJson(name, PASSWORD, "\"REGION_ANALYST\"", "", "", ""), "regionCode"),
                new Bad(userJson(name, PASSWORD, "\"REGION_ANALYST\"", "", "9999", ""), "regionCode"),
                new Bad(userJson(name, PASSWORD, "\"MUNICIPAL_CASEWORKER\"", "751", "1084", ""), "regionCode"),
                new Bad(userJson(name, PASSWORD, "\"CITIZEN\"", "", "", ""), "citizenId"),
                new Bad(userJson(name, PASSWORD, "\"CITIZEN\"", "", "", UUID.randomUUID().toString()), "citizenId"),
                new Bad(userJson(name, PASSWORD, "\"CITIZEN\"", "", "", "ikke-et-id"), "citizenId"),
                new Bad(userJson(name, PASSWORD, "\"FSC_AGENT\"", "", "", CITIZEN_AARHUS), "citizenId"),
                new Bad(userJson(name, "kort", "\"FSC_AGENT\"", "", "", ""), "password"),
                new Bad(userJson(name, "x".repeat(65), "\"FSC_AGENT\"", "", "", ""), "password"),
                new Bad(userJson(name, "æ".repeat(40), "\"FSC_AGENT\"", "", "", ""), "password"),
                new Bad(userJson(name, "mit-" + name + "-kodeord", "\"FSC_AGENT\"", "", "", ""), "password"),
                new Bad(userJson("Store Bogstaver", PASSWORD, "\"FSC_AGENT\"", "", "", ""), "username"),
                new Bad(userJson("x".repeat(101), PASSWORD, "\"FSC_AGENT\"", "", "", ""), "username"),
                new Bad(userJson(name, PASSWORD, "\"FSC_AGENT\"", "", "", "").replace("Test Bruger", ""),
                        "displayName"),
                new Bad(userJson("", "", "", "", "", "").replace("Test Bruger", ""), "username", "password", "roles",
                        "displayName"));
        List<Long> before = counts();

        for (Bad request : bad) {
            JsonNode problem = assertProblem(admin().postJson("/api/v1/users", request.json()), 400);
            assertThat(fields(problem)).as(request.json()).contains(request.fields());
            problem.path("errors").forEach(error -> assertThat(error.path("message").asString()).doesNotStartWith(
                    "identity."));
        }

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aTakenNameIsAConflictAndTheFirstUserStays() {
        String name = create(newName("dublet"), "\"FSC_AGENT\"", "");
        List<Long> before = counts();

        JsonNode problem = assertProblem(admin().postJson("/api/v1/users",
                userJson(name, PASSWORD, "\"FINANCE\"", "", "", "")), 409);

        assertThat(fields(problem)).containsExactly("username");
        assertThat(counts()).isEqualTo(before);
        assertThat(admin().get("/api/v1/users/" + name).json().path("roles").toString()).isEqualTo("[\"FSC_AGENT\"]");
    }

    @Test
    void aCitizenUserIsBoundToARegisteredCitizen() {
        String name = newName("borger");
        Api.Response created = admin().postJson("/api/v1/users",
                userJson(name, PASSWORD, "\"CITIZEN\"", "", "", CITIZEN_RANDERS));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(Api.as(port, name, PASSWORD).get("/api/v1/citizens/" + CITIZEN_RANDERS).status()).isEqualTo(200);
        assertProblem(Api.as(port, name, PASSWORD).get("/api/v1/citizens/" + CITIZEN_AARHUS), 404);
    }

    @Test
    void changingRolesTakesEffectAtOnceAndEndsTheUsersSessions() throws Exception {
        String name = create(newName("skifter"), "\"MUNICIPAL_HOMECARE\"", "730");
        WebSession session = WebSession.logIn(port, name, PASSWORD);
        assertThat(session.get("/citizens/" + CITIZEN_RANDERS).statusCode()).isEqualTo(200);

        Api.Response changed = admin().send("PUT", "/api/v1/users/" + name + "/roles", "application/json",
                "{\"roles\":[\"MUNICIPAL_CASEWORKER\"],\"municipalityCode\":\"751\"}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("municipalityCode").asString()).isEqualTo("751");
        assertThat(jdbc.sql("select count(*) from identity.spring_session where principal_name = ?").param(name)
                .query(Long.class).single()).isZero();
        assertThat(session.get("/citizens/" + CITIZEN_RANDERS).statusCode()).isEqualTo(302);
        assertThat(Api.as(port, name, PASSWORD).get("/api/v1/citizens/" + CITIZEN_AARHUS).status()).isEqualTo(200);
        assertThat(audit(name)).last().isEqualTo("user.change-roles by admin: from roles=MUNICIPAL_HOMECARE"
                + " municipality=730 to roles=MUNICIPAL_CASEWORKER municipality=751");

        List<Long> before = counts();
        assertThat(fields(assertProblem(admin().send("PUT", "/api/v1/users/" + name + "/roles", "application/json",
                "{\"roles\":[\"NURSE\"]}"), 400))).containsExactly("municipalityCode");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aLockedAccountIsUnlockedAndADisabledOneCannotLogIn() {
        String name = create(newName("laast"), "\"FSC_AGENT\"", "");
        for (int attempt = 0; attempt < 5; attempt++) {
            Api.as(port, name, "forkert-adgangskode").get("/api/v1/regions");
        }
        assertThat(admin().get("/api/v1/users/" + name).json().path("locked").asBoolean()).isTrue();
        assertProblem(Api.as(port, name, PASSWORD).get("/api/v1/regions"), 401);

        Api.Response unlocked = admin().postJson("/api/v1/users/" + name + "/unlock", "");
        assertThat(unlocked.json().path("locked").asBoolean()).isFalse();
        assertThat(Api.as(port, name, PASSWORD).get("/api/v1/regions").status()).isEqualTo(200);

        assertThat(admin().postJson("/api/v1/users/" + name + "/disable", "").json().path("enabled").asBoolean())
                .isFalse();
        assertProblem(Api.as(port, name, PASSWORD).get("/api/v1/regions"), 401);
        assertThat(admin().postJson("/api/v1/users/" + name + "/enable", "").json().path("enabled").asBoolean())
                .isTrue();
        assertThat(Api.as(port, name, PASSWORD).get("/api/v1/regions").status()).isEqualTo(200);
        assertThat(audit(name)).extracting(row -> row.substring(0, row.indexOf(' ')))
                .containsExactly("user.create", "user.unlock", "user.disable", "user.enable");
    }

    @Test
    void anAdministratorCannotDisableThemselfOrDropTheirOwnAdministratorRole() {
        String name = create(newName("admin"), "\"FSC_ADMIN\"", "");
        Api self = Api.as(port, name, PASSWORD);
        List<Long> before = counts();

        assertThat(fields(assertProblem(self.postJson("/api/v1/users/" + name + "/disable", ""), 409)))
                .containsExactly("username");
        assertThat(fields(assertProblem(self.send("PUT", "/api/v1/users/" + name + "/roles", "application/json",
                "{\"roles\":[\"FSC_AGENT\"]}"), 409))).containsExactly("roles");

        assertThat(counts()).isEqualTo(before);
        assertThat(self.get("/api/v1/users/" + name).json().path("enabled").asBoolean()).isTrue();
    }

    @Test
    void listsUsersPagedAndBySearchAndAnswers404ForAnUnknownName() {
        String name = create(newName("soegbar"), "\"WAREHOUSE\"", "");

        JsonNode page = admin().get("/api/v1/users?q=" + name.substring(0, 14).toUpperCase() + "&size=5").json();
        assertThat(page.path("totalElements").asLong()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("username").asString()).isEqualTo(name);
        JsonNode all = admin().get("/api/v1/users?page=0&size=2").json();
        assertThat(all.path("items")).hasSize(2);
        assertThat(all.path("totalElements").asLong()).isGreaterThanOrEqualTo(13);
        assertProblem(admin().get("/api/v1/users/ingen-saadan"), 404);
        assertProblem(admin().postJson("/api/v1/users/ingen-saadan/unlock", ""), 404);
    }

    @Test
    void onlyAnAdministratorAdministersUsers() {
        String name = create(newName("beskyttet"), "\"FSC_AGENT\"", "");
        List<Long> before = counts();

        for (String user : List.of("agent", "caseworker-aarhus", "finance", "analyst", "citizen-aarhus", "warehouse",
                "technician", "homecare-aarhus", "nurse-aarhus")) {
            Api caller = Api.as(port, user, "demo");
            assertProblem(caller.get("/api/v1/users"), 403);
            assertProblem(caller.postJson("/api/v1/users", userJson(newName("x"), PASSWORD, "\"FSC_ADMIN\"", "",
                    "", "")), 403);
            assertProblem(caller.send("PUT", "/api/v1/users/" + name + "/roles", "application/json",
                    "{\"roles\":[\"FSC_ADMIN\"]}"), 403);
            assertProblem(caller.postJson("/api/v1/users/" + name + "/disable", ""), 403);
        }
        assertProblem(Api.anonymous(port).get("/api/v1/users"), 401);

        assertThat(counts()).isEqualTo(before);
    }
}
