package dk.fsc.devices.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.devices.CitizenPaused;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A citizen away (hospital stay, holiday): no visits are planned on the days of a pause, and no alarms raised. */
@Service
class Pauses {

    record Pause(UUID id, UUID citizenId, LocalDate fromDay, LocalDate toDay, String reason) {
    }

    private final JdbcClient jdbc;
    private final Assessments assessments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Pauses(JdbcClient jdbc, Assessments assessments, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.assessments = assessments;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Pause pause(UUID citizenId, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String reason) {
        assessments.citizen(citizenId, "device.pause");
        if (from == null || to == null || to.isBefore(from) || to.isAfter(from.plusYears(1))) {
            throw new InvalidInputException("Invalid pause", List.of(FieldError.of("to", "devices.error.pause.days")));
        }
        String why = reason == null || reason.isBlank() ? "-" : reason.strip();
        if (why.length() > 200) {
            throw new InvalidInputException("Invalid pause", List.of(FieldError.of("reason", "devices.error.note.long")));
        }
        Pause pause = new Pause(UUID.randomUUID(), citizenId, from, to, why);
        jdbc.sql("insert into devices.pause (id, citizen_id, from_day, to_day, reason, recorded_at)"
                + " values (?, ?, ?, ?, ?, ?)").params(pause.id(), citizenId, Date.valueOf(from), Date.valueOf(to), why,
                        Timestamp.from(clock.instant())).update();
        events.publishEvent(new CitizenPaused(pause.id(), new CitizenId(citizenId), from, to, false, clock.instant()));
        return pause;
    }

    /** Cancels a pause of the citizen that has not ended; cancelling it again changes nothing. */
    @Transactional
    void cancel(UUID citizenId, UUID pauseId) {
        assessments.citizen(citizenId, "device.pause");
        Pause pause = jdbc.sql("select id, citizen_id, from_day, to_day, reason from devices.pause where id = ?"
                + " and citizen_id = ? for update").params(pauseId, citizenId).query(Pause.class).optional()
                .orElseThrow(() -> new NotFoundException("No such pause"));
        if (jdbc.sql("update devices.pause set cancelled = true where id = ? and not cancelled").param(pauseId)
                .update() == 1) {
            events.publishEvent(new CitizenPaused(pauseId, new CitizenId(citizenId), pause.fromDay(), pause.toDay(),
                    true, clock.instant()));
        }
    }

    List<Pause> ofCitizen(UUID citizenId) {
        return jdbc.sql("select id, citizen_id, from_day, to_day, reason from devices.pause where citizen_id = ?"
                + " and not cancelled order by from_day desc").param(citizenId).query(Pause.class).list();
    }

    boolean paused(UUID citizenId, LocalDate day) {
        return jdbc.sql("select count(*) from devices.pause where citizen_id = ? and not cancelled and ? between from_day"
                + " and to_day").params(citizenId, Date.valueOf(day)).query(Integer.class).single() > 0;
    }
}
