package dk.fsc.citizens.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.citizens.CitizenMoved;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.TimeConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves dated after today take effect on their day, not at once: {@link #plan} keeps them in
 * {@code citizens.planned_move}, and {@link #applyDue} (called before every read and change of
 * citizens, in the caller's transaction) makes each one whose day has come: the new address,
 * its history row and {@link CitizenMoved}. Needs no job: the day is evaluated on read. Two
 * instances cannot apply a move twice: the row is deleted by the one that applies it.
 */
@Component
class PlannedMoves {

    private final JdbcClient jdbc;
    private final CitizenRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlannedMoves(JdbcClient jdbc, CitizenRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** Keeps the move until {@code movedOn}; a later plan for the same citizen replaces it. */
    void plan(Citizen moved, LocalDate movedOn, String by) {
        jdbc.sql("insert into citizens.planned_move (citizen_id, street, postal_code, city, municipality_code,"
                + " moved_on, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (citizen_id) do"
                + " update set street = excluded.street, postal_code = excluded.postal_code, city = excluded.city,"
                + " municipality_code = excluded.municipality_code, moved_on = excluded.moved_on,"
                + " recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by")
                .params(moved.id(), moved.street(), moved.postalCode(), moved.city(), moved.municipalityCode(), movedOn,
                        clock.instant().atOffset(ZoneOffset.UTC), by)
                .update();
    }

    /** A move made today or dated in the past replaces a move planned for later. */
    void cancel(UUID citizenId) {
        jdbc.sql("delete from citizens.planned_move where citizen_id = ?").param(citizenId).update();
    }

    private record Due(UUID citizenId, String street, String postalCode, String city, String municipalityCode,
            LocalDate movedOn, OffsetDateTime recordedAt, String recordedBy) {
    }

    void applyDue() {
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        List<Due> due = jdbc.sql("delete from citizens.planned_move where moved_on <= ? returning citizen_id, street,"
                + " postal_code, city, municipality_code, moved_on, recorded_at, recorded_by")
                .param(today)
                .query((rs, i) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, OffsetDateTime.class), rs.getString(8)))
                .list();
        for (Due move : due) {
            repository.findForUpdate(move.citizenId()).filter(citizen -> !citizen.livesIn(move.municipalityCode()))
                    .ifPresent(citizen -> {
                        repository.updateAddress(new Citizen(citizen.id(), citizen.cprEncrypted(), citizen.name(),
                                move.street(), move.postalCode(), move.city(), move.municipalityCode(), citizen.phone(),
                                citizen.email()), move.movedOn(), move.recordedAt().toInstant(), move.recordedBy());
                        events.publishEvent(new CitizenMoved(new CitizenId(citizen.id()),
                                new MunicipalityCode(citizen.municipalityCode()),
                                new MunicipalityCode(move.municipalityCode()), move.movedOn()));
                    });
        }
    }
}
