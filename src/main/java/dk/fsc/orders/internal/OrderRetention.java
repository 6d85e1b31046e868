package dk.fsc.orders.internal;

import java.time.Duration;
import java.time.ZoneOffset;

import dk.fsc.jobs.Job;
import dk.fsc.jobs.ScheduledJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class OrderRetention {

    /**
     * Forgets idempotency keys older than {@code fsc.orders.idempotency-key-retention} (7 days),
     * so a key reused months later places a new order instead of answering with an old one.
     */
    @Bean
    Job idempotencyKeys(JdbcClient jdbc, @Value("${fsc.orders.idempotency-key-retention:P7D}") Duration retention) {
        return new ScheduledJob("idempotency-keys", "0 20 * * * *",
                tick -> jdbc.sql("delete from orders.idempotency_key where created_at < ?")
                        .param(tick.now().minus(retention).atOffset(ZoneOffset.UTC)).update());
    }
}
