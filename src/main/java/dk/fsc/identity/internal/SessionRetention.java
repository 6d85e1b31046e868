package dk.fsc.identity.internal;

import dk.fsc.jobs.Job;
import dk.fsc.jobs.ScheduledJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class SessionRetention {

    /**
     * Deletes expired HTTP sessions (their attributes by cascade) every ten minutes, once across
     * the instances; Spring Session's own clean-up on every instance is off
     * ({@code spring.session.jdbc.cleanup-cron=-}). A session expires after
     * {@code spring.session.timeout} without a request.
     */
    @Bean
    Job expiredSessions(JdbcClient jdbc) {
        return new ScheduledJob("expired-sessions", "0 */10 * * * *",
                tick -> jdbc.sql("delete from identity.spring_session where expiry_time < ?")
                        .param(tick.now().toEpochMilli()).update());
    }
}
