package dk.fsc.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * A real PostgreSQL server started in-process from the zonky binaries on Maven Central.
 * A persistent server (data under {@code ./data}) is owned by the Spring context and
 * stopped after the connection pool closes. An ephemeral one (tests) is started once per
 * JVM, so all cached test contexts share it, and stopped at exit once every context has
 * closed (a Spring Boot shutdown handler): stopped earlier, the contexts still closing would
 * wait for connections that never come.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgresServer sharedEphemeral;

    private final EmbeddedPostgres postgres;
    private final EmbeddedPostgresProperties properties;
    private final boolean ownedByContext;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties,
            boolean ownedByContext) {
        this.postgres = postgres;
        this.properties = properties;
        this.ownedByContext = ownedByContext;
    }

    public static EmbeddedPostgresServer start(EmbeddedPostgresProperties properties) {
        if (properties.ephemeral()) {
            return startSharedEphemeral(properties);
        }
        Path dataDirectory = Path.of(properties.dataDirectory()).toAbsolutePath().normalize();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(
                launch(properties, dataDirectory, false), properties, true);
        server.ensureDatabase();
        return server;
    }

    private static synchronized EmbeddedPostgresServer startSharedEphemeral(EmbeddedPostgresProperties properties) {
        if (sharedEphemeral == null) {
            try {
                Path dataDirectory = Files.createTempDirectory("fsc-pg-");
                EmbeddedPostgresServer server = new EmbeddedPostgresServer(
                        launch(properties, dataDirectory, true), properties, false);
                server.ensureDatabase();
                SpringApplication.getShutdownHandlers().add(server::stop);
                sharedEphemeral = server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sharedEphemeral;
    }

    private static EmbeddedPostgres launch(EmbeddedPostgresProperties properties, Path dataDirectory,
            boolean clean) {
        try {
            Files.createDirectories(dataDirectory);
            LOG.info("Starting embedded PostgreSQL with data in {}", dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("synchronous_commit", clean ? "off" : "on")
                    .setLocaleConfig("locale", "C.UTF-8");
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private void ensureDatabase() {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            for (String role : new String[] { properties.user(), properties.appUser() }) {
                if (!exists(connection, "select 1 from pg_roles where rolname = ?", role)) {
                    statement.execute("create role \"" + role + "\" login");
                }
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", properties.database())) {
                statement.execute("create database \"" + properties.database() + "\" owner \"" + properties.user()
                        + "\" encoding 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database", e);
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    /** The URL to connect as {@code user}, the owner or the application's role. */
    public String jdbcUrl(String user) {
        return postgres.getJdbcUrl(user, properties.database());
    }

    /** The role that owns the database and runs the migrations. */
    public String owner() {
        return properties.user();
    }

    /** The role the application connects as. */
    public String appUser() {
        return properties.appUser();
    }

    public int port() {
        return postgres.getPort();
    }

    /** Stops the server if the Spring context owns it; a shared test server outlives contexts. */
    @Override
    public void close() {
        if (ownedByContext) {
            stop();
        }
    }

    private void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
