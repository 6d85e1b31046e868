package dk.fsc.alarms;

import java.time.Instant;
import java.util.UUID;

import dk.fsc.reference.MunicipalityCode;

/**
 * An alarm was raised for a citizen of {@code municipality}: published in the transaction that
 * raises it, once per alarm ({@code alarmId}). {@code dueAt} is when the alarm was due (a missed
 * dose's grace expiry, a silent device's expected heartbeat, a fault event's time), the moment the
 * response targets are measured from; {@code raisedAt} when the platform raised it.
 */
public record AlarmRaised(UUID alarmId, MunicipalityCode municipality, AlarmKind kind, Instant dueAt,
        Instant raisedAt) {
}
