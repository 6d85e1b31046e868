package dk.fsc.orders.internal;

import java.time.Duration;
import java.time.ZoneOffset;

import dk.fsc.jobs.Job;
import dk.fsc.jobs.Tick;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency keys older than {@code fsc.orders.idempotency-key-retention} (7 days),
 * so a key reused months later places a new order instead of answering with an old one.
 */
@Component
class IdempotencyKeyPurge implements Job {

    private final JdbcClient jdbc;
    private final Duration retention;

    IdempotencyKeyPurge(JdbcClient jdbc, @Value("${fsc.orders.idempotency-key-retention:P7D}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Override
    public String name() {
        return "idempotency-keys";
    }

    @Override
    public String schedule() {
        return "0 20 * * * *";
    }

    @Override
    public void run(Tick tick) {
        jdbc.sql("delete from orders.idempotency_key where created_at < ?")
                .param(tick.now().minus(retention).atOffset(ZoneOffset.UTC)).update();
    }
}
