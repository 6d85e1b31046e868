package dk.fsc.jobs.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dk.fsc.jobs.JobQueue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcJobQueue implements JobQueue {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcJobQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean enqueue(String job, String key, String payload) {
        return enqueue(job, key, payload, clock.instant());
    }

    @Override
    @Transactional
    public boolean enqueue(String job, String key, String payload, Instant notBefore) {
        return jdbc.sql("insert into jobs.work_item (job, item_key, payload, status, queued_at, next_attempt_at)"
                + " values (?, ?, ?, 'QUEUED', ?, ?) on conflict (job, item_key) do nothing")
                .params(job, key, payload, clock.instant().atOffset(ZoneOffset.UTC), notBefore.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }
}
