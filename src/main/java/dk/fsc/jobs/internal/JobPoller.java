package dk.fsc.jobs.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every instance looks for due runs and items every {@code fsc.jobs.poll-interval}. Off with
 * {@code fsc.jobs.polling=false} (tests, which poll themselves).
 */
@Component
@ConditionalOnProperty(name = "fsc.jobs.polling", havingValue = "true", matchIfMissing = true)
class JobPoller {

    private final JobRunner runner;

    JobPoller(JobRunner runner) {
        this.runner = runner;
    }

    @Scheduled(fixedDelayString = "${fsc.jobs.poll-interval:PT15S}", initialDelayString = "${fsc.jobs.poll-interval:PT15S}")
    void poll() {
        runner.poll();
    }
}
