package dk.fsc.alarms;

import java.time.Instant;
import java.util.UUID;

import dk.fsc.reference.MunicipalityCode;

/**
 * An alarm was closed: published in the transaction that closes it, once per alarm. It repeats
 * what {@link AlarmRaised} said, so a consumer that hears this first still knows the whole
 * alarm. {@code acknowledgedAt} is when a person took it ({@code closedAt} when it was closed
 * without being taken first).
 */
public record AlarmClosed(UUID alarmId, MunicipalityCode municipality, AlarmKind kind, Instant dueAt, Instant raisedAt,
        Instant acknowledgedAt, Instant closedAt) {
}
