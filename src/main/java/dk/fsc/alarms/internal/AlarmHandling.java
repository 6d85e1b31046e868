package dk.fsc.alarms.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dk.fsc.devices.WorkOrderType;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do with alarms: home care sees and handles its own municipality's alarms, FSC's
 * agents those of the municipalities that bought first response; anyone else's alarm does not
 * exist for them (404). Acknowledge (taken by a person), escalate by hand, close with an outcome,
 * once: a device fault asks the devices module for a repair.
 */
@Component
class AlarmHandling {

    /** Closed alarms stay in the live list this long. */
    static final Duration CLOSED_VISIBLE = Duration.ofHours(12);

    private final AlarmBook alarms;
    private final ResponsePlans plans;
    private final CurrentUsers users;
    private final Notifications notifications;
    private final DeviceSignals signals;
    private final AlarmEvents events;
    private final Clock clock;

    AlarmHandling(AlarmBook alarms, ResponsePlans plans, CurrentUsers users, Notifications notifications,
            DeviceSignals signals, AlarmEvents events, Clock clock) {
        this.alarms = alarms;
        this.plans = plans;
        this.users = users;
        this.notifications = notifications;
        this.signals = signals;
        this.events = events;
        this.clock = clock;
    }

    /** The municipalities whose alarms the current user handles. */
    List<String> municipalities() {
        CurrentUser user = users.require();
        if (user.has(Role.MUNICIPAL_HOMECARE) && user.municipalityCode() != null) {
            return List.of(user.municipalityCode());
        }
        if (user.has(Role.FSC_AGENT)) {
            return plans.firstResponseByFsc();
        }
        return List.of();
    }

    List<AlarmView> list() {
        return alarms.list(municipalities(), clock.instant().minus(CLOSED_VISIBLE));
    }

    /** The citizen's open alarms that the current user handles. */
    List<AlarmView> openOfCitizen(UUID citizenId) {
        List<String> handled = municipalities();
        return handled.isEmpty() ? List.of() : alarms.openOfCitizen(citizenId, handled);
    }

    AlarmView get(UUID id) {
        return alarms.find(id).filter(alarm -> municipalities().contains(alarm.municipalityCode()))
                .orElseThrow(() -> new NotFoundException("No alarm " + id));
    }

    @Transactional
    AlarmView acknowledge(UUID id) {
        AlarmView alarm = lockVisible(id);
        String by = users.require().username();
        if (!alarm.open()) {
            throw new ConflictException("The alarm is closed.", List.of(FieldError.of("alarm", "alarms.error.closed")));
        }
        if (alarm.acknowledgedBy() != null && !alarm.acknowledgedBy().equals(by)) {
            throw new ConflictException("The alarm is taken by someone else.",
                    List.of(FieldError.of("alarm", "alarms.error.taken")));
        }
        if (alarm.acknowledgedAt() == null) {
            alarms.acknowledge(id, by, clock.instant());
            notifications.changed(alarms.find(id).orElseThrow(), "acknowledged", clock.instant());
        }
        return alarms.find(id).orElseThrow();
    }

    @Transactional
    AlarmView escalate(UUID id) {
        AlarmView alarm = lockVisible(id);
        if (!alarm.open()) {
            throw new ConflictException("The alarm is closed.", List.of(FieldError.of("alarm", "alarms.error.closed")));
        }
        Instant now = clock.instant();
        alarms.escalate(id, now);
        AlarmView escalated = alarms.find(id).orElseThrow();
        notifications.changed(escalated, "escalated-" + escalated.level(), now);
        return escalated;
    }

    @Transactional
    AlarmView close(UUID id, @Nullable String outcome, @Nullable String note) {
        AlarmView alarm = lockVisible(id);
        Outcome chosen = outcome(outcome);
        if (note != null && note.length() > 1000) {
            throw new InvalidInputException("The note is too long.", List.of(FieldError.of("note", "alarms.error.note")));
        }
        if (!alarm.open()) {
            throw new ConflictException("The alarm is closed already.",
                    List.of(FieldError.of("alarm", "alarms.error.closed")));
        }
        Instant now = clock.instant();
        String by = users.require().username();
        alarms.close(id, chosen, note == null || note.isBlank() ? null : note.strip(), by, now);
        if (chosen == Outcome.DEVICE_FAULT) {
            signals.requestWork("repair:" + id, WorkOrderType.REPAIR, alarm.serial(), true,
                    "Device fault found on alarm " + id, now, by);
        }
        AlarmView closed = alarms.find(id).orElseThrow();
        notifications.changed(closed, "closed", now);
        events.closed(closed);
        return closed;
    }

    private AlarmView lockVisible(UUID id) {
        return alarms.lock(id).filter(alarm -> municipalities().contains(alarm.municipalityCode()))
                .orElseThrow(() -> new NotFoundException("No alarm " + id));
    }

    private static Outcome outcome(@Nullable String outcome) {
        for (Outcome known : Outcome.values()) {
            if (known.name().equals(outcome)) {
                return known;
            }
        }
        throw new InvalidInputException("Choose how the alarm ended.", List.of(FieldError.of("outcome", "alarms.error.outcome")));
    }
}
