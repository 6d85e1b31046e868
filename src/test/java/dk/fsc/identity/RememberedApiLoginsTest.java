package dk.fsc.identity;

import static dk.fsc.testing.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dk.fsc.FscApplication;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import dk.fsc.testing.Users;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A remembered HTTP Basic login (fsc.security.api-login-memory) ends at the next call when
 * the account is locked, disabled or given other roles, on this instance and on another one
 * that shares the database.
 */
@FscIntegrationTest
class RememberedApiLoginsTest {

    static final String PASSWORD = "den-rigtige-adgangskode";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    DataSource dataSource;

    @Autowired
    TestClock clock;

    /** A new agent whose HTTP Basic login the instance at {@code port} now remembers; the agent's name. */
    String rememberedAgent(int port) {
        String user = Users.anAgent(jdbc, passwords, "husket", PASSWORD);
        Api api = Api.as(port, user, PASSWORD);
        assertThat(api.get("/api/v1/regions").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/regions").status()).as("remembered").isEqualTo(200);
        return user;
    }

    void lockThroughTheLoginForm(int port, String user) {
        for (int attempt = 0; attempt < 5; attempt++) {
            WebSession.anonymous(port).post("/login", "username=" + user + "&password=forkert");
        }
    }

    @Test
    void anAccountLockedThroughTheLoginFormIsRefusedOnTheApiAtOnce() {
        String user = rememberedAgent(port);

        lockThroughTheLoginForm(port, user);

        assertProblem(Api.as(port, user, PASSWORD).get("/api/v1/regions"), 401);
    }

    @Test
    void aChangeMadeElsewhereInTheDatabaseEndsTheRememberedLoginAtTheNextCall() {
        String user = rememberedAgent(port);
        Api api = Api.as(port, user, PASSWORD);
        assertThat(api.postJson("/api/v1/citizens/search", "{\"name\":\"Birthe\"}").status()).isEqualTo(200);

        jdbc.sql("update identity.user_role set role = 'FINANCE' where username = ?").param(user).update();
        assertProblem(api.postJson("/api/v1/citizens/search", "{\"name\":\"Birthe\"}"), 403);

        jdbc.sql("update identity.app_user set enabled = false where username = ?").param(user).update();
        assertProblem(api.get("/api/v1/regions"), 401);
    }

    @Test
    void aLockOnOneInstanceTakesEffectOnAnotherThatRememberedTheLogin() throws Exception {
        HikariDataSource database = dataSource.unwrap(HikariDataSource.class);
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(FscApplication.class)
                .profiles("demo", "test")
                .initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
                .run("--spring.datasource.url=" + database.getJdbcUrl(),
                        "--spring.datasource.username=" + database.getUsername(), "--server.port=0",
                        "--spring.datasource.hikari.maximum-pool-size=3")) {
            int otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
            String user = rememberedAgent(otherPort);

            lockThroughTheLoginForm(port, user);

            assertProblem(Api.as(otherPort, user, PASSWORD).get("/api/v1/regions"), 401);
        }
    }
}
