package dk.fsc.identity;

import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.Users;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

@FscIntegrationTest
class IdentityApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    private Api as(String user) {
        return Api.as(port, user, "demo");
    }

    private Api withKey(String key) {
        return Api.withHeader(port, "X-API-Key", key);
    }

    @Test
    void onlyAnAdministratorMayLoadPopulationsOrAddMunicipalities() {
        long years = jdbc.sql("select count(*) from reference.population_year").query(Long.class).single();
        for (String user : new String[] { "agent", "caseworker-aarhus", "finance", "analyst", "citizen-aarhus",
                "warehouse", "technician", "homecare-aarhus", "nurse-aarhus" }) {
            assertProblem(as(user).send("PUT", "/api/v1/populations/2150", "text/csv", "751,1\n"), 403);
            assertProblem(as(user).postJson("/api/v1/municipalities",
                    "{\"code\":\"101\",\"name\":\"København\",\"regionCode\":\"1084\"}"), 403);
            assertThat(as(user).get("/api/v1/municipalities").status()).as(user).isEqualTo(200);
        }
        assertThat(jdbc.sql("select count(*) from reference.population_year").query(Long.class).single())
                .isEqualTo(years);
        assertProblem(as("admin").get("/api/v1/municipalities/101"), 404);
    }

    @Test
    void locksAnAccountAfterFiveWrongPasswordsAndLogsNoPassword() {
        String user = Users.anAgent(jdbc, passwords, "lock", "right");
        assertThat(Api.as(port, user, "right").get("/api/v1/regions").status()).isEqualTo(200);

        for (int attempt = 0; attempt < 5; attempt++) {
            assertProblem(Api.as(port, user, "wrong").get("/api/v1/regions"), 401);
        }

        assertProblem(Api.as(port, user, "right").get("/api/v1/regions"), 401);
        assertThat(jdbc.sql("select locked_until is not null from identity.app_user where username = ?").param(user)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void theAuditLogCannotBeChangedOrDeletedByTheApplicationsDatabaseRole() {
        jdbc.sql("insert into identity.audit_log (at, actor, actor_roles, citizen_id, action, client)"
                + " values (now(), 'test', 'FSC_ADMIN', ?, 'citizen.read', 'test')").param(UUID.randomUUID()).update();

        assertThatThrownBy(() -> jdbc.sql("update identity.audit_log set actor = 'someone else'").update())
                .hasMessageContaining("audit_log");
        assertThatThrownBy(() -> jdbc.sql("delete from identity.audit_log").update()).hasMessageContaining("audit_log");
        assertThatThrownBy(() -> jdbc.sql("truncate identity.audit_log").update()).hasMessageContaining("audit_log");
    }

    /**
     * The application connects as a role with data rights only; the migrations ran as the owner. So
     * not even code that goes wrong inside the application can switch the audit log's trigger off,
     * drop it, or grant itself what the migrations withheld.
     */
    @Test
    void theApplicationsDatabaseRoleCannotAlterTheAuditLogOrGrantItselfRights() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("fsc_app");
        assertThat(jdbc.sql("select tableowner from pg_tables where schemaname = 'identity' and tablename = 'audit_log'")
                .query(String.class).single()).isEqualTo("fsc");

        for (String statement : List.of(
                "alter table identity.audit_log disable trigger audit_log_append_only",
                "alter table identity.audit_log disable trigger all",
                "drop trigger audit_log_append_only on identity.audit_log",
                "drop function identity.refuse_audit_log_change() cascade",
                "update identity.audit_log set actor = 'someone else'",
                "delete from identity.audit_log",
                "create table public.anything (id int)",
                "set role fsc")) {
            assertThatThrownBy(() -> jdbc.sql(statement).update()).as(statement).rootCause()
                    .hasMessageFindingMatch("must be owner|permission denied");
        }
        // Without the grant option PostgreSQL grants nothing: a warning, or an error when the role holds no right.
        catchThrowable(() -> jdbc.sql("grant update, delete on identity.audit_log to current_user").update());
        assertThat(jdbc.sql("select has_table_privilege('identity.audit_log', 'UPDATE')"
                + " or has_table_privilege('identity.audit_log', 'DELETE')").query(Boolean.class).single()).isFalse();
    }

    @Test
    void anApiKeyCallsOnlyWhatItsScopesAllowUntilItIsRevoked() {
        Api admin = as("admin");
        Api.Response created = admin.postJson("/api/v1/api-keys",
                "{\"name\":\"Logistics supplier " + UUID.randomUUID() + "\",\"scopes\":[\"REFERENCE_READ\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().path("key").asString();
        String id = created.json().path("apiKey").path("id").asString();
        assertThat(key).startsWith("fsc_");
        assertThat(jdbc.sql("select count(*) from identity.api_key where key_hash = ? or prefix = ?")
                .params(key, key).query(Long.class).single()).isZero();
        assertThat(admin.get("/api/v1/api-keys").body()).doesNotContain(key);

        Api client = withKey(key);
        assertThat(client.get("/api/v1/municipalities").status()).isEqualTo(200);
        assertProblem(client.send("PUT", "/api/v1/populations/2151", "text/csv", "751,1\n"), 403);
        assertProblem(client.get("/api/v1/api-keys"), 403);

        assertThat(admin.send("DELETE", "/api/v1/api-keys/" + id, "application/json", "").status()).isEqualTo(200);
        assertProblem(client.get("/api/v1/municipalities"), 401);
        assertProblem(admin.send("DELETE", "/api/v1/api-keys/" + id, "application/json", ""), 409);
        assertProblem(withKey("fsc_not-a-key").get("/api/v1/municipalities"), 401);
    }

    @Test
    void rejectsBadApiKeysAndNonAdministrators() {
        long keys = jdbc.sql("select count(*) from identity.api_key").query(Long.class).single();

        JsonNode problem = assertProblem(as("admin").postJson("/api/v1/api-keys", "{\"name\":\"\",\"scopes\":[\"ALL\"]}"),
                400);
        assertThat(fields(problem)).containsExactlyInAnyOrder("name", "scopes");
        assertProblem(as("caseworker-aarhus").postJson("/api/v1/api-keys",
                "{\"name\":\"x\",\"scopes\":[\"REFERENCE_READ\"]}"), 403);
        assertProblem(as("agent").get("/api/v1/api-keys"), 403);

        assertThat(jdbc.sql("select count(*) from identity.api_key").query(Long.class).single()).isEqualTo(keys);
    }

    @Test
    void loginThroughTheBrokerIsOffUnlessConfigured() {
        WebSession browser = WebSession.anonymous(port);
        assertThat(browser.get("/login").body()).doesNotContain("MitID", "/oauth2/");
        assertThat(browser.get("/oauth2/authorization/broker").headers().firstValue("Location").orElse(""))
                .endsWith("/login");

        Api.Response bearer = Api.withHeader(port, "Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
                .get("/api/v1/regions");
        assertProblem(bearer, 401);
    }

    @Test
    void formLoginStoresTheSessionInPostgresqlAndRequiresTheCsrfToken() {
        WebSession withoutToken = WebSession.anonymous(port);
        withoutToken.get("/login");
        assertThat(withoutToken.postWithoutCsrf("/login", "username=caseworker-aarhus&password=demo").statusCode())
                .isEqualTo(403);

        WebSession.logIn(port, "caseworker-aarhus", "demo");
        assertThat(jdbc.sql("select count(*) from identity.spring_session where principal_name = 'caseworker-aarhus'")
                .query(Long.class).single()).isPositive();

        HttpResponse<String> wrong = WebSession.anonymous(port).post("/login",
                "username=caseworker-aarhus&password=nope");
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login?error");
    }
}
