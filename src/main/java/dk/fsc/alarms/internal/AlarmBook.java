package dk.fsc.alarms.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.alarms.AlarmKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The alarms in PostgreSQL. An alarm's cause (a dose, a device event, a silence) is unique, so
 * however often or on however many instances a cause is seen, it raises one alarm. Every change
 * takes a new version from one sequence, which the live lists watch.
 */
@Component
class AlarmBook {

    static final String COLUMNS = "id, kind, serial, citizen_id, municipality_code, due_at, raised_at, level,"
            + " acknowledged_at, acknowledged_by, closed_at, closed_by, outcome";

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final AlarmEvents events;

    AlarmBook(JdbcClient jdbc, Notifications notifications, AlarmEvents events) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.events = events;
    }

    /**
     * Raises an alarm for a device's technical fault or silence, if the device is installed at a
     * citizen with the alarm service who is not paused on that day; nothing when the cause has
     * raised one already.
     */
    Optional<UUID> raise(String cause, AlarmKind kind, String serial, Instant dueAt, Instant now) {
        Optional<AlarmView> raised = jdbc.sql("""
                insert into alarms.alarm (id, cause, kind, serial, citizen_id, municipality_code, due_at, raised_at, version)
                select ?, ?, ?, d.serial, d.citizen_id, d.municipality_code, ?, ?, nextval('alarms.alarm_version')
                from alarms.installed_device d
                where d.serial = ? and d.ended_on is null and 'ALARM' = any(d.services)
                  and not exists (select 1 from alarms.pause p where p.citizen_id = d.citizen_id and not p.cancelled
                      and (?::timestamptz at time zone 'Europe/Copenhagen')::date between p.from_day and p.to_day)
                on conflict (cause) do nothing
                returning\s""" + COLUMNS).params(UUID.randomUUID(), cause, kind.name(), utc(dueAt), utc(now), serial,
                utc(dueAt)).query(AlarmBook::view).optional();
        raised.ifPresent(alarm -> {
            notifications.changed(alarm, "raised", now);
            events.raised(alarm);
        });
        return raised.map(AlarmView::id);
    }

    Optional<AlarmView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from alarms.alarm where id = ?").param(id).query(AlarmBook::view)
                .optional();
    }

    /** The alarm, locked for a change. */
    Optional<AlarmView> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from alarms.alarm where id = ? for update").param(id)
                .query(AlarmBook::view).optional();
    }

    /** Open alarms of these municipalities and those closed since {@code closedSince}, newest first. */
    List<AlarmView> list(List<String> municipalities, Instant closedSince) {
        return jdbc.sql("select " + COLUMNS + " from alarms.alarm where municipality_code = any(?)"
                + " and (closed_at is null or closed_at >= ?) order by closed_at nulls first, raised_at desc limit 500")
                .params(municipalities.toArray(String[]::new), utc(closedSince)).query(AlarmBook::view).list();
    }

    /** The citizen's open alarms in these municipalities, newest first. */
    List<AlarmView> openOfCitizen(UUID citizenId, List<String> municipalities) {
        return jdbc.sql("select " + COLUMNS + " from alarms.alarm where citizen_id = ? and municipality_code = any(?)"
                + " and closed_at is null order by raised_at desc").params(citizenId, municipalities.toArray(String[]::new))
                .query(AlarmBook::view).list();
    }

    void acknowledge(UUID id, String by, Instant now) {
        jdbc.sql("update alarms.alarm set acknowledged_at = ?, acknowledged_by = ?, version = nextval('alarms.alarm_version')"
                + " where id = ?").params(utc(now), by, id).update();
    }

    void escalate(UUID id, Instant now) {
        jdbc.sql("update alarms.alarm set level = level + 1, escalated_at = ?, version = nextval('alarms.alarm_version')"
                + " where id = ?").params(utc(now), id).update();
    }

    void close(UUID id, Outcome outcome, @Nullable String note, String by, Instant now) {
        jdbc.sql("""
                update alarms.alarm set closed_at = ?, closed_by = ?, outcome = ?, note = ?,
                    acknowledged_at = coalesce(acknowledged_at, ?), acknowledged_by = coalesce(acknowledged_by, ?),
                    version = nextval('alarms.alarm_version')
                where id = ?""").params(utc(now), by, outcome.name(), note, utc(now), by, id).update();
    }

    /** The newest version of any alarm: it changes whenever an alarm is raised or changed. */
    long version() {
        return jdbc.sql("select case when is_called then last_value else 0 end from alarms.alarm_version")
                .query(Long.class).single();
    }

    static AlarmView view(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new AlarmView(rs.getObject("id", UUID.class), AlarmKind.valueOf(rs.getString("kind")),
                rs.getString("serial"), rs.getObject("citizen_id", UUID.class), rs.getString("municipality_code"),
                instant(rs, "due_at"), instant(rs, "raised_at"), rs.getInt("level"), instant(rs, "acknowledged_at"),
                rs.getString("acknowledged_by"), instant(rs, "closed_at"), rs.getString("closed_by"),
                outcome == null ? null : Outcome.valueOf(outcome));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
