package dk.fsc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import dk.fsc.FscApplication;
import dk.fsc.testing.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The run command's promise: data lives under a data directory, so a second start finds
 * the population years loaded before, and the seeds do not run twice.
 */
class RestartKeepsDataTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FscApplication.class).profiles("demo")
                .run("--fsc.embedded-db.data-directory=" + data.resolve("postgres"), "--fsc.embedded-db.port=0",
                        "--server.port=0", "--logging.level.io.zonky=WARN");
    }

    private static Api admin(ConfigurableApplicationContext context) {
        return Api.as(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")), "admin", "demo");
    }

    @Test
    void aRestartKeepsImportedPopulationYears() {
        try (ConfigurableApplicationContext first = start()) {
            Api.Response loaded = admin(first).send("PUT", "/api/v1/populations/2030", "text/csv", "751,380000\n");
            assertThat(loaded.status()).as(loaded.body()).isEqualTo(201);
        }
        assertThat(Files.exists(data.resolve("postgres/PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            Api admin = admin(second);
            assertThat(admin.get("/api/v1/populations/2030").json().path("total").asLong()).isEqualTo(380000);
            assertThat(admin.get("/api/v1/municipalities").json()).hasSize(19);
        }
    }
}
