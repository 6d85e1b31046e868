package dk.fsc.alarms.internal;

import java.time.Instant;
import java.util.UUID;

import dk.fsc.alarms.AlarmKind;
import org.jspecify.annotations.Nullable;

/** An alarm as the lists, the API and the follow-up show it. {@code dueAt} is when the alarm was due (grace expiry, or the event's time). */
record AlarmView(UUID id, AlarmKind kind, String serial, UUID citizenId, String municipalityCode, Instant dueAt,
        Instant raisedAt, int level, @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy,
        @Nullable Instant closedAt, @Nullable String closedBy, @Nullable Outcome outcome) {

    boolean open() {
        return closedAt == null;
    }
}
