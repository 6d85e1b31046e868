package dk.fsc.alarms.internal;

import java.util.Objects;

import dk.fsc.alarms.AlarmClosed;
import dk.fsc.alarms.AlarmRaised;
import dk.fsc.reference.MunicipalityCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Tells the other modules of alarms raised and closed, in the transaction that raises or closes them. */
@Component
class AlarmEvents {

    private final ApplicationEventPublisher events;

    AlarmEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    void raised(AlarmView alarm) {
        events.publishEvent(new AlarmRaised(alarm.id(), new MunicipalityCode(alarm.municipalityCode()), alarm.kind(),
                alarm.dueAt(), alarm.raisedAt()));
    }

    void closed(AlarmView alarm) {
        events.publishEvent(new AlarmClosed(alarm.id(), new MunicipalityCode(alarm.municipalityCode()), alarm.kind(),
                alarm.dueAt(), alarm.raisedAt(), Objects.requireNonNull(alarm.acknowledgedAt()),
                Objects.requireNonNull(alarm.closedAt())));
    }
}
