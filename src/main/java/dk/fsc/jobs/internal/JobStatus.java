package dk.fsc.jobs.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.fsc.jobs.Jobs;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What administrators see of the jobs: each job's last and next run, its failures and waiting items. */
@Service
class JobStatus {

    /** Failed items shown per job, newest first. */
    static final int FAILED_ITEMS_SHOWN = 20;

    private final JdbcClient jdbc;
    private final Jobs jobs;

    JobStatus(JdbcClient jdbc, Jobs jobs) {
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    /**
     * @param lastMissedRuns scheduled times the last run caught up (it was late)
     * @param queued         items waiting, retrying ones included
     * @param retrying       waiting items that have failed at least once
     * @param failed         items that failed their last attempt
     * @param failedItems    the newest failed items, at most {@value #FAILED_ITEMS_SHOWN}
     */
    record JobView(String name, String schedule, @Nullable Instant nextRunAt, @Nullable Instant lastRunAt,
            @Nullable String lastOutcome, int lastMissedRuns, @Nullable Instant lastFailureAt,
            @Nullable String lastFailure, int queued, int retrying, int failed, List<ItemView> failedItems) {
    }

    record ItemView(String key, int attempts, Instant queuedAt, @Nullable Instant finishedAt,
            @Nullable String lastError) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public List<JobView> all() {
        Map<String, List<ItemView>> failedItems = new LinkedHashMap<>();
        jdbc.sql("select job, item_key, attempts, queued_at, finished_at, last_error from (select *, row_number()"
                + " over (partition by job order by finished_at desc, id desc) as n from jobs.work_item"
                + " where status = 'FAILED') f where n <= ? order by job, n").param(FAILED_ITEMS_SHOWN)
                .query(rs -> {
                    failedItems.computeIfAbsent(rs.getString(1), job -> new ArrayList<>())
                            .add(new ItemView(rs.getString(2), rs.getInt(3), instant(rs.getObject(4, OffsetDateTime.class)),
                                    instant(rs.getObject(5, OffsetDateTime.class)), rs.getString(6)));
                });
        return jdbc.sql("select j.name, j.schedule, j.next_run_at, j.last_run_at, j.last_outcome, j.last_failure_at,"
                + " j.last_failure, (select r.missed_runs from jobs.run_log r where r.job = j.name order by r.id desc"
                + " limit 1), (select count(*) from jobs.work_item w where w.job = j.name and w.status = 'QUEUED'),"
                + " (select count(*) from jobs.work_item w where w.job = j.name and w.status = 'QUEUED'"
                + " and w.attempts > 0), (select count(*) from jobs.work_item w where w.job = j.name"
                + " and w.status = 'FAILED') from jobs.job j order by j.name")
                .query((rs, i) -> new JobView(rs.getString(1), rs.getString(2),
                        instant(rs.getObject(3, OffsetDateTime.class)), instant(rs.getObject(4, OffsetDateTime.class)),
                        rs.getString(5), rs.getInt(8), instant(rs.getObject(6, OffsetDateTime.class)),
                        rs.getString(7), rs.getInt(9), rs.getInt(10), rs.getInt(11),
                        failedItems.getOrDefault(rs.getString(1), List.of())))
                .list();
    }

    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Jobs.RunSummary runNow(String job) {
        return jobs.runNow(job);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
