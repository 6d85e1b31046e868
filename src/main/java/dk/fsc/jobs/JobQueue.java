package dk.fsc.jobs;

import java.time.Instant;

/** Queues items for a job; joins the caller's transaction, so an item is queued with the change that caused it. */
public interface JobQueue {

    /**
     * Queues an item to be handled as soon as an instance is free; returns false when the job
     * already has an item with this key (done, failed or waiting), which is left as it is.
     */
    boolean enqueue(String job, String key, String payload);

    /** Queues an item not to be handled before {@code notBefore}. */
    boolean enqueue(String job, String key, String payload, Instant notBefore);
}
