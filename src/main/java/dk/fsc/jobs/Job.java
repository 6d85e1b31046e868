package dk.fsc.jobs;

/**
 * Scheduled or queued work of a module, registered by declaring a bean. At each time of its
 * {@link #schedule()} exactly one instance {@link #run runs} it; that run (or any other code,
 * through {@link JobQueue}) queues items, and every instance {@link #handle handles} due
 * items, each once, in a transaction of its own. An item whose handling throws is tried again
 * after the {@link #backoff()} delay, and after the last attempt is kept as failed.
 */
public interface Job {

    /** The job's name: lower-case words joined by dashes, unique, e.g. {@code standing-orders}. */
    String name();

    /**
     * A cron expression (second, minute, hour, day, month, weekday) in Danish time, or
     * {@code -} for a job that runs on demand only.
     */
    String schedule();

    /**
     * The scheduled (or on-demand) run, inside the transaction that holds the job's row: what
     * it writes and queues commits with the run, or not at all. A run that throws is recorded
     * as failed and tried again after {@link Backoff#first()}.
     */
    void run(Tick tick);

    /**
     * Handles one queued item inside the transaction that holds it: its writes commit with the
     * item's completion. Throwing rolls them back and schedules the next attempt. Items are
     * delivered at least once (a crash after the work but before the commit repeats nothing,
     * since both roll back), so this must be safe to repeat.
     */
    default void handle(WorkItem item) {
        throw new UnsupportedOperationException(name() + " queues no items");
    }

    /** How often and how soon a failing item is tried again. */
    default Backoff backoff() {
        return Backoff.DEFAULT;
    }
}
