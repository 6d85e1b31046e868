package dk.fsc.jobs;

import java.time.Instant;

/**
 * One queued piece of work.
 *
 * @param key      what the item is about, unique within its job (queueing the same key again queues nothing)
 * @param payload  what the handler needs, as text (an id, a date, JSON)
 * @param attempt  this attempt's number, from 1
 */
public record WorkItem(long id, String job, String key, String payload, int attempt, Instant queuedAt) {
}
