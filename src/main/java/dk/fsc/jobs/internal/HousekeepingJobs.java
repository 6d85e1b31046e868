package dk.fsc.jobs.internal;

import java.time.Duration;
import java.time.ZoneOffset;

import dk.fsc.jobs.Job;
import dk.fsc.jobs.ScheduledJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * The platform's own housekeeping, as jobs so that one instance does it at a time. Spring
 * Modulith marks an event publication failed when its listener throws, or when it has waited
 * or run longer than {@code spring.modulith.events.staleness.*} (an instance died while
 * delivering it); {@code event-publications} hands the failed ones to their listeners again.
 * {@code completed-event-publications} deletes completed publications older than
 * {@code fsc.events.completed-retention}; {@code job-history} deletes run log rows and finished
 * items older than {@code fsc.jobs.history-retention}.
 */
@Configuration(proxyBeanMethods = false)
class HousekeepingJobs {

    /** A publication failed a moment ago is not resubmitted at once; its listener's trouble may last. */
    private static final Duration MIN_AGE = Duration.ofMinutes(1);

    @Bean
    Job resubmitFailedPublications(FailedEventPublications failed,
            @Value("${fsc.events.resubmission-cron:0 */5 * * * *}") String schedule) {
        return new ScheduledJob("event-publications", schedule,
                tick -> failed.resubmit(ResubmissionOptions.defaults().withMinAge(MIN_AGE)));
    }

    @Bean
    Job purgeCompletedPublications(CompletedEventPublications completed,
            @Value("${fsc.events.completed-retention:P7D}") Duration retention) {
        return new ScheduledJob("completed-event-publications", "0 15 3 * * *",
                tick -> completed.deletePublicationsOlderThan(retention));
    }

    @Bean
    Job purgeJobHistory(JdbcClient jdbc, @Value("${fsc.jobs.history-retention:P30D}") Duration retention) {
        return new ScheduledJob("job-history", "0 45 3 * * *", tick -> {
            var before = tick.now().minus(retention).atOffset(ZoneOffset.UTC);
            jdbc.sql("delete from jobs.run_log where started_at < ?").param(before).update();
            jdbc.sql("delete from jobs.work_item where status <> 'QUEUED' and finished_at < ?").param(before).update();
        });
    }
}
