package dk.fsc.jobs.internal;

import java.lang.management.ManagementFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import dk.fsc.jobs.Backoff;
import dk.fsc.jobs.Job;
import dk.fsc.jobs.Jobs;
import dk.fsc.jobs.Tick;
import dk.fsc.jobs.WorkItem;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the registered jobs: claims a due job's row, or a due item, with {@code FOR UPDATE
 * SKIP LOCKED} and does the work in the transaction that holds the lock, so another instance
 * skips it, and a crash rolls the work back together with the claim. The work itself runs in
 * a savepoint: when it throws, its writes are undone and the failure is recorded in the same
 * transaction.
 */
@Component
class JobRunner implements Jobs, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** At most this many items per poll, so one poll never runs for ever. */
    static final int ITEMS_PER_DRAIN = 10_000;
    /** Scheduled times counted when telling how many runs a late run caught up. */
    private static final int MISSED_RUNS_COUNTED = 10_000;

    private final ObjectProvider<Job> registered;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final Clock clock;
    private final String instance;
    private final ExecutorService onDemand = Executors.newVirtualThreadPerTaskExecutor();
    private volatile @Nullable Map<String, Job> jobs;

    JobRunner(ObjectProvider<Job> registered, JdbcClient jdbc, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.registered = registered;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The jobs by name, from the beans (resolved late: jobs may themselves use {@link Jobs}). */
    Map<String, Job> jobs() {
        Map<String, Job> known = jobs;
        if (known == null) {
            known = new LinkedHashMap<>();
            for (Job job : registered.orderedStream().toList()) {
                if (!NAME.matcher(job.name()).matches()) {
                    throw new IllegalStateException("A job's name is lower-case words joined by dashes: " + job.name());
                }
                if (known.put(job.name(), job) != null) {
                    throw new IllegalStateException("Two jobs are named " + job.name());
                }
                cron(job);
            }
            jobs = known;
        }
        return known;
    }

    /**
     * Records every job and its schedule. A job whose schedule changed (or is new) is next due
     * at the schedule's next time; an unchanged one keeps its due time, so runs missed while the
     * platform was down are caught up.
     */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> jobs().values().forEach(job -> jdbc.sql(
                "insert into jobs.job (name, schedule, next_run_at) values (?, ?, ?) on conflict (name) do update"
                        + " set schedule = excluded.schedule, next_run_at = case when jobs.job.schedule"
                        + " = excluded.schedule then jobs.job.next_run_at else excluded.next_run_at end")
                .params(job.name(), job.schedule(), utc(next(job, now))).update()));
    }

    /** One round of an instance: every due scheduled run, then the due items. */
    void poll() {
        for (Job job : jobs().values()) {
            try {
                runIfDue(job);
            } catch (RuntimeException e) {
                log.error("Job {} could not be run", job.name(), e);
            }
        }
        drain(jobs().keySet().toArray(String[]::new));
    }

    @Override
    public RunSummary runNow(String name) {
        Job job = jobs().get(name);
        if (job == null) {
            throw new NotFoundException("No job with this name.");
        }
        try {
            return onDemand.submit(() -> {
                transactions.executeWithoutResult(status -> {
                    jdbc.sql("select name from jobs.job where name = ? for update").param(name).query(String.class)
                            .single();
                    Instant now = clock.instant();
                    run(job, new Tick(now, now, 0, true), null);
                });
                return drain(name);
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + name, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** Runs the job if its scheduled time has come and no other instance holds it. */
    boolean runIfDue(Job job) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Instant now = clock.instant();
            Optional<Instant> due = jdbc.sql("select next_run_at from jobs.job where name = ? and next_run_at <= ?"
                    + " for update skip locked").params(job.name(), utc(now))
                    .query((rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
            if (due.isEmpty()) {
                return false;
            }
            Instant next = next(job, now);
            run(job, new Tick(due.get(), now, missedRuns(job, due.get(), now), false), next);
            return true;
        }));
    }

    /**
     * Runs the job in a savepoint of the transaction holding its row and records how it went.
     *
     * @param next when the scheduled run is due next; null for an on-demand run, which leaves it
     */
    private void run(Job job, Tick tick, @Nullable Instant next) {
        String failure = null;
        try {
            savepoints.executeWithoutResult(status -> job.run(tick));
        } catch (RuntimeException e) {
            log.error("Job {} failed", job.name(), e);
            failure = describe(e);
        }
        Instant finished = clock.instant();
        if (next != null && failure != null) {
            Instant retry = tick.now().plus(job.backoff().first());
            next = retry.isBefore(next) ? retry : next;
        }
        jdbc.sql("update jobs.job set next_run_at = coalesce(?, next_run_at), last_run_at = ?, last_outcome = ?,"
                + " last_failure_at = case when ? then ? else last_failure_at end,"
                + " last_failure = case when ? then ? else last_failure end where name = ?")
                .params(utc(next), utc(tick.now()), failure == null ? "OK" : "FAILED", failure != null,
                        utc(finished), failure != null, failure, job.name())
                .update();
        jdbc.sql("insert into jobs.run_log (job, on_demand, scheduled_for, missed_runs, started_at, finished_at,"
                + " instance, outcome, failure) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(job.name(), tick.onDemand(), utc(tick.scheduledFor()), tick.missedRuns(), utc(tick.now()),
                        utc(finished), instance, failure == null ? "OK" : "FAILED", failure)
                .update();
        if (tick.missedRuns() > 0) {
            log.warn("Job {} was due at {} and caught up {} later scheduled run(s)", job.name(), tick.scheduledFor(),
                    tick.missedRuns());
        }
    }

    /** Handles due items of the named jobs until none is left that no other instance holds. */
    RunSummary drain(String... names) {
        int done = 0;
        int failed = 0;
        for (int i = 0; i < ITEMS_PER_DRAIN; i++) {
            Optional<Boolean> handled = handleNext(names);
            if (handled.isEmpty()) {
                break;
            }
            if (handled.get()) {
                done++;
            } else {
                failed++;
            }
        }
        return new RunSummary(done, failed);
    }

    /** Claims and handles the next due item: empty when there is none, else whether it succeeded. */
    Optional<Boolean> handleNext(String... names) {
        Optional<Boolean> handled = transactions.execute(status -> {
            Optional<WorkItem> next = jdbc.sql("select id, job, item_key, payload, attempts, queued_at"
                    + " from jobs.work_item where status = 'QUEUED' and next_attempt_at <= ? and job = any(?)"
                    + " order by next_attempt_at, id limit 1 for update skip locked")
                    .params(utc(clock.instant()), names).query(JobRunner::item).optional();
            return next.map(this::handle);
        });
        return handled == null ? Optional.empty() : handled;
    }

    private boolean handle(WorkItem item) {
        Job job = jobs().get(item.job());
        try {
            savepoints.executeWithoutResult(status -> job.handle(item));
            jdbc.sql("update jobs.work_item set status = 'DONE', attempts = ?, finished_at = ?, last_error = null"
                    + " where id = ?").params(item.attempt(), utc(clock.instant()), item.id()).update();
            return true;
        } catch (RuntimeException e) {
            Backoff backoff = job.backoff();
            boolean last = backoff.isLast(item.attempt());
            Instant now = clock.instant();
            String failure = describe(e);
            log.warn("Job {} item {} failed (attempt {} of {})", job.name(), item.key(), item.attempt(),
                    backoff.maxAttempts(), e);
            jdbc.sql("update jobs.work_item set status = ?, attempts = ?, next_attempt_at = ?, finished_at = ?,"
                    + " last_error = ? where id = ?")
                    .params(last ? "FAILED" : "QUEUED", item.attempt(),
                            utc(last ? now : now.plus(backoff.delayAfter(item.attempt()))), last ? utc(now) : null,
                            failure, item.id())
                    .update();
            jdbc.sql("update jobs.job set last_failure_at = ?, last_failure = ? where name = ?")
                    .params(utc(now), "item " + item.key() + ": " + failure, job.name()).update();
            return false;
        }
    }

    private static WorkItem item(ResultSet rs, int row) throws SQLException {
        return new WorkItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) + 1,
                rs.getObject(6, OffsetDateTime.class).toInstant());
    }

    private static @Nullable CronExpression cron(Job job) {
        return job.schedule().equals("-") ? null : CronExpression.parse(job.schedule());
    }

    /** The schedule's next time after {@code after}, in Danish time; null for an on-demand job. */
    private static @Nullable Instant next(Job job, Instant after) {
        CronExpression cron = cron(job);
        if (cron == null) {
            return null;
        }
        ZonedDateTime next = cron.next(after.atZone(TimeConfiguration.DANISH_TIME));
        return next == null ? null : next.toInstant();
    }

    /** How many scheduled times after {@code due} have passed by {@code now}. */
    private static int missedRuns(Job job, Instant due, Instant now) {
        int missed = 0;
        Instant time = next(job, due);
        while (time != null && !time.isAfter(now) && missed < MISSED_RUNS_COUNTED) {
            missed++;
            time = next(job, time);
        }
        return missed;
    }

    /** What went wrong, for the run log: the exception's class and message, at most 2,000 characters. */
    private static String describe(Throwable e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public void destroy() {
        onDemand.close();
    }
}
