package dk.fsc.jobs;

import java.util.function.Consumer;

/**
 * A job that does its whole work in the scheduled run and queues nothing, such as deleting
 * what is past its retention: declare it as a bean, e.g.
 * {@code new ScheduledJob("idempotency-keys", "0 20 * * * *", tick -> ...)}.
 */
public record ScheduledJob(String name, String schedule, Consumer<Tick> work) implements Job {

    @Override
    public void run(Tick tick) {
        work.accept(tick);
    }
}
