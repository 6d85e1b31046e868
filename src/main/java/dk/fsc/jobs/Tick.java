package dk.fsc.jobs;

import java.time.Instant;

/**
 * One run of a job.
 *
 * @param scheduledFor the scheduled time the run is for (the earliest one missed, when it is late)
 * @param now          the time it runs
 * @param missedRuns   how many later scheduled times passed while it was waiting (the platform was
 *                     down or busy): they are not run again, this run catches up, and the run log
 *                     says so. Work that must happen for each date queues one item per date instead.
 * @param onDemand     whether an administrator or a module asked for it outside the schedule
 */
public record Tick(Instant scheduledFor, Instant now, int missedRuns, boolean onDemand) {
}
