package dk.fsc.jobs;

/**
 * A queue that other code fills through {@link JobQueue} and that never runs on a schedule, such
 * as mails to send: extend it with the handling of one item, e.g.
 * {@code new QueueJob("alarm-emails", Backoff.ABOUT_THREE_DAYS) { public void handle(WorkItem item) {...} }}.
 */
public abstract class QueueJob implements Job {

    private final String name;
    private final Backoff backoff;

    protected QueueJob(String name, Backoff backoff) {
        this.name = name;
        this.backoff = backoff;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String schedule() {
        return "-";
    }

    /** Nothing: the items are queued by other code, never by a run. */
    @Override
    public final void run(Tick tick) {
    }

    @Override
    public final Backoff backoff() {
        return backoff;
    }

    @Override
    public abstract void handle(WorkItem item);
}
