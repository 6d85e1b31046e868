package dk.fsc.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dk.fsc.citizens.CitizenId;
import dk.fsc.reference.Payer;

/**
 * A contact was saved with its minutes: the billable and statistical fact of support. Support
 * is invoiced to {@code billedTo} per minute at the service rate valid on {@code contactDate}
 * (Europe/Copenhagen). {@code citizenId} is empty when the caller was not identified. A
 * corrected contact publishes the event again with the same {@code contactId} and
 * {@code revision} one higher; consumers keep the newest revision.
 */
public record ContactRegistered(UUID contactId, int revision, @Nullable CitizenId citizenId, Payer billedTo,
        ContactTopic topic, String channel, int minutes, LocalDate contactDate, Instant registeredAt,
        String registeredBy) {
}
