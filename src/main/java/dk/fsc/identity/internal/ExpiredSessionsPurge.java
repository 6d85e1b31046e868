package dk.fsc.identity.internal;

import dk.fsc.jobs.Job;
import dk.fsc.jobs.Tick;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes expired HTTP sessions (and, by cascade, their attributes) from
 * {@code identity.spring_session} every ten minutes, once across the instances; Spring
 * Session's own clean-up on every instance is off ({@code spring.session.jdbc.cleanup-cron=-}).
 * A session's lifetime is {@code spring.session.timeout} of inactivity.
 */
@Component
class ExpiredSessionsPurge implements Job {

    private final JdbcClient jdbc;

    ExpiredSessionsPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "expired-sessions";
    }

    @Override
    public String schedule() {
        return "0 */10 * * * *";
    }

    @Override
    public void run(Tick tick) {
        jdbc.sql("delete from identity.spring_session where expiry_time < ?").param(tick.now().toEpochMilli()).update();
    }
}
