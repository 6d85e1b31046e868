package dk.fsc.jobs.internal;

import java.time.Duration;
import java.time.ZoneOffset;

import dk.fsc.jobs.Job;
import dk.fsc.jobs.Tick;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Deletes run log rows and finished items (done or failed) older than {@code fsc.jobs.history-retention}. */
@Component
class JobHistoryPurge implements Job {

    private final JdbcClient jdbc;
    private final Duration retention;

    JobHistoryPurge(JdbcClient jdbc, @Value("${fsc.jobs.history-retention:P30D}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Override
    public String name() {
        return "job-history";
    }

    @Override
    public String schedule() {
        return "0 45 3 * * *";
    }

    @Override
    public void run(Tick tick) {
        var before = tick.now().minus(retention).atOffset(ZoneOffset.UTC);
        jdbc.sql("delete from jobs.run_log where started_at < ?").param(before).update();
        jdbc.sql("delete from jobs.work_item where status <> 'QUEUED' and finished_at < ?").param(before).update();
    }
}
