package dk.fsc.shared.database;

import java.util.HashMap;
import java.util.Map;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Migrations run as the role that owns the schemas; the application connects as a role with
 * data rights only (SELECT, INSERT, UPDATE, DELETE), which the migrations grant it
 * ({@code db/migration/__root/V2}). So the application cannot alter a table, drop the audit
 * log's trigger or grant itself rights. The migrations name the application's role as the
 * placeholder {@code ${appRole}}.
 * <p>
 * On an external server ({@code spring.datasource.url}) {@code fsc.db.owner-username}
 * ({@code FSC_DB_OWNER_USERNAME}) names the owner; without it the application's own role
 * migrates (one role for both, as before). The embedded server has both roles
 * ({@link EmbeddedPostgresConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class MigrationRoles {

    static final String APP_ROLE_PLACEHOLDER = "appRole";

    @Bean
    FlywayConfigurationCustomizer migrateAsExternalOwner(Environment environment) {
        return configuration -> {
            String url = environment.getProperty("spring.datasource.url", "");
            if (!StringUtils.hasText(url)) {
                return;
            }
            String appUser = environment.getProperty("spring.datasource.username", "");
            String owner = environment.getProperty("fsc.db.owner-username", "");
            if (StringUtils.hasText(owner)) {
                migrate(configuration, url, owner, environment.getProperty("fsc.db.owner-password", ""), appUser);
            } else {
                configuration.placeholders(withAppRole(configuration, appUser));
            }
        };
    }

    /** Migrates as {@code owner} on {@code url}, granting data rights to {@code appUser}. */
    static void migrate(FluentConfiguration configuration, String url, String owner, String password,
            String appUser) {
        configuration.dataSource(url, owner, password);
        configuration.placeholders(withAppRole(configuration, appUser));
    }

    private static Map<String, String> withAppRole(FluentConfiguration configuration, String appUser) {
        Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
        placeholders.put(APP_ROLE_PLACEHOLDER,
                StringUtils.hasText(appUser) ? '"' + appUser.replace("\"", "\"\"") + '"' : "CURRENT_USER");
        return placeholders;
    }
}
