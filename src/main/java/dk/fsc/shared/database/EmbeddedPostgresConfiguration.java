package dk.fsc.shared.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts PostgreSQL in-process when {@code spring.datasource.url} (or {@code FSC_DB_URL})
 * is not set. The pool depends on the server, so on shutdown Spring closes the pool's
 * connections first and then stops PostgreSQL. The migrations run as the owner role, the
 * application connects as its own role ({@link MigrationRoles}). The production jar
 * ({@code -Pproduction}) has no zonky classes: then none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresProperties properties) {
        return EmbeddedPostgresServer.start(properties);
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl(server.appUser()));
        dataSource.setUsername(server.appUser());
        dataSource.setPoolName("fsc-embedded");
        return dataSource;
    }

    @Bean
    FlywayConfigurationCustomizer migrateAsEmbeddedOwner(EmbeddedPostgresServer server) {
        return configuration -> MigrationRoles.migrate(configuration, server.jdbcUrl(server.owner()), server.owner(),
                "", server.appUser());
    }

    static class NoDataSourceUrl extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return StringUtils.hasText(url)
                    ? ConditionOutcome.noMatch("spring.datasource.url is set: using that PostgreSQL server")
                    : ConditionOutcome.match("no spring.datasource.url: starting an embedded PostgreSQL");
        }
    }
}
