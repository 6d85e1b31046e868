package dk.fsc.shared.database;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the PostgreSQL server the platform starts in-process when no
 * {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the server keeps its data; blank means a throw-away directory,
 *                      one server per JVM (tests)
 * @param port          the port to listen on (loopback only); 0 picks a free port
 * @param database      the database the platform uses
 * @param user          the non-superuser role that owns the database and its schemas and runs
 *                      the migrations
 * @param appUser       the role the platform connects as: data rights only, granted by the
 *                      migrations
 */
@ConfigurationProperties("fsc.embedded-db")
public record EmbeddedPostgresProperties(@Nullable String dataDirectory, int port, String database, String user,
        String appUser) {

    public boolean ephemeral() {
        return dataDirectory == null || dataDirectory.isBlank();
    }
}
