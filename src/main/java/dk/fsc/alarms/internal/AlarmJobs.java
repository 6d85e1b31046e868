package dk.fsc.alarms.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;

import dk.fsc.jobs.Job;
import dk.fsc.jobs.ScheduledJob;
import dk.fsc.shared.TimeConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alarms module's scheduled work, once across the instances: the device events' monthly
 * partitions created three months ahead and those past {@code fsc.alarms.event-retention}
 * dropped (nightly), the doses planned ahead (hourly), and the days' doses counted per municipality
 * for the other modules (nightly).
 */
@Configuration(proxyBeanMethods = false)
class AlarmJobs {

    static final int MONTHS_AHEAD = 3;

    @Bean
    Job deviceEventPartitions(EventPartitions partitions) {
        return new ScheduledJob("device-event-partitions", "0 15 2 * * *", tick -> partitions.maintain());
    }

    /** Detection on demand (an administrator, or a test that moved the clock); the timer runs it every second. */
    @Bean
    Job alarmDetection(Detection detection) {
        return new ScheduledJob("alarm-detection", "-", tick -> detection.detect());
    }

    @Bean
    Job dosePlanning(DoseSchedules schedules) {
        return new ScheduledJob("dose-planning", "0 5 * * * *", tick -> schedules.planAhead());
    }

    /** Each municipality's doses of the days that are over, once the longest grace of the day before has run out. */
    @Bean
    Job dosesCounted(DoseCounts counts) {
        return new ScheduledJob("doses-counted", "0 30 4 * * *", tick -> counts.publish());
    }

    @Bean
    EventPartitions eventPartitions(JdbcClient jdbc, Clock clock,
            @Value("${fsc.alarms.event-retention:P13M}") Period retention) {
        return new EventPartitions(jdbc, clock, retention);
    }

    /** Creates the coming months' partitions and drops those past the retention. */
    record EventPartitions(JdbcClient jdbc, Clock clock, Period retention) {

        void maintain() {
            LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME)).withDayOfMonth(1);
            for (int month = 0; month <= MONTHS_AHEAD; month++) {
                jdbc.sql("select alarms.ensure_event_partition(?)").param(today.plusMonths(month)).query(Boolean.class)
                        .single();
            }
            jdbc.sql("select alarms.drop_event_partitions_before(?)").param(today.minus(retention)).query(Integer.class)
                    .single();
        }
    }
}
