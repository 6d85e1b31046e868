package dk.fsc.jobs.internal;

import java.time.Duration;

import dk.fsc.jobs.Job;
import dk.fsc.jobs.Tick;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * The event publication registry's housekeeping, as jobs so that one instance does it at a
 * time. Spring Modulith marks a publication failed when its listener throws, or when it has
 * waited or run longer than {@code spring.modulith.events.staleness.*} (an instance died
 * while delivering it); {@code event-publications} hands the failed ones to their listeners
 * again. {@code completed-event-publications} deletes completed publications older than
 * {@code fsc.events.completed-retention}.
 */
@Configuration(proxyBeanMethods = false)
class EventPublicationJobs {

    /** A publication failed a moment ago is not resubmitted at once; its listener's trouble may last. */
    private static final Duration MIN_AGE = Duration.ofMinutes(1);

    @Bean
    Job resubmitFailedPublications(FailedEventPublications failed,
            @Value("${fsc.events.resubmission-cron:0 */5 * * * *}") String schedule) {
        return new Housekeeping("event-publications", schedule,
                () -> failed.resubmit(ResubmissionOptions.defaults().withMinAge(MIN_AGE)));
    }

    @Bean
    Job purgeCompletedPublications(CompletedEventPublications completed,
            @Value("${fsc.events.completed-retention:P7D}") Duration retention) {
        return new Housekeeping("completed-event-publications", "0 15 3 * * *",
                () -> completed.deletePublicationsOlderThan(retention));
    }

    /** A job that does its whole work in the scheduled run. */
    record Housekeeping(String name, String schedule, Runnable work) implements Job {

        @Override
        public void run(Tick tick) {
            work.run();
        }
    }
}
