package dk.fsc.alarms.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.identity.AuditLog;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen's dose times at a device, as Danish wall-clock times, with the grace period (30
 * minutes unless set), and the doses they make due: planned as rows two days ahead, so that
 * detection works from PostgreSQL alone. A time that does not exist on the spring-forward night
 * (02:00-02:59) is due at the same moment one hour later by the clock (02:30 becomes 03:30
 * summer time, the instant 02:30 winter time would have been); a time that happens twice on the
 * autumn night is due once, at its first occurrence. Changes are audited.
 */
@Component
class DoseSchedules {

    static final int DEFAULT_GRACE_MINUTES = 30;
    static final int MAX_DOSES_A_DAY = 8;
    /** Doses are planned from today to this many days ahead (Danish days). */
    static final int DAYS_AHEAD = 2;

    record Schedule(String serial, UUID citizenId, List<LocalTime> doseTimes, int graceMinutes) {
    }

    /** A schedule as saved, with notes on days where a time does not exist or happens twice. */
    record Saved(Schedule schedule, List<String> notes) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CurrentUsers users;
    private final AuditLog audit;

    DoseSchedules(JdbcClient jdbc, Clock clock, CurrentUsers users, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.users = users;
        this.audit = audit;
    }

    Optional<Schedule> of(String serial) {
        return jdbc.sql("select serial, citizen_id, dose_times::text[] as times, grace_minutes from alarms.dose_schedule"
                + " where serial = ?").param(serial).query((rs, i) -> new Schedule(rs.getString("serial"),
                        rs.getObject("citizen_id", UUID.class),
                        Arrays.stream((String[]) rs.getArray("times").getArray()).map(LocalTime::parse).toList(),
                        rs.getInt("grace_minutes")))
                .optional();
    }

    /** The schedules of the citizen's installed devices; a device without one has no times and the default grace. */
    List<Schedule> ofCitizen(UUID citizenId) {
        return jdbc.sql("""
                select d.serial, coalesce(s.dose_times::text[], '{}') as times, coalesce(s.grace_minutes, ?) as grace
                from alarms.installed_device d left join alarms.dose_schedule s on s.serial = d.serial
                where d.citizen_id = ? and d.ended_on is null order by d.serial
                """).params(DEFAULT_GRACE_MINUTES, citizenId).query((rs, i) -> new Schedule(rs.getString("serial"),
                        citizenId, Arrays.stream((String[]) rs.getArray("times").getArray()).map(LocalTime::parse).toList(),
                        rs.getInt("grace"))).list();
    }

    /** Whether the current user may change the device's dose times. */
    boolean mayChange(String serial) {
        CurrentUser user = users.require();
        return device(serial).filter(found -> mayChange(user, found)).isPresent();
    }

    /**
     * Sets the dose times of the citizen at the device; the doses not yet due are planned anew.
     * Caseworkers and home care of the device's municipality, and FSC's administrators.
     */
    @Transactional
    Saved set(String serial, @Nullable List<String> times, @Nullable Integer graceMinutes) {
        CurrentUser user = users.require();
        Device device = device(serial).filter(found -> mayChange(user, found))
                .orElseThrow(() -> new NotFoundException("No installed device " + serial));
        List<FieldError> errors = new ArrayList<>();
        List<LocalTime> doseTimes = new ArrayList<>();
        if (times == null || times.isEmpty() || times.size() > MAX_DOSES_A_DAY) {
            errors.add(FieldError.of("doseTimes", "alarms.error.doseTimes", MAX_DOSES_A_DAY));
        } else {
            for (String time : times) {
                try {
                    LocalTime parsed = LocalTime.parse(time);
                    if (parsed.getSecond() != 0 || parsed.getNano() != 0 || doseTimes.contains(parsed)) {
                        throw new DateTimeParseException("seconds or twice", time, 0);
                    }
                    doseTimes.add(parsed);
                } catch (DateTimeParseException | NullPointerException e) {
                    errors.add(FieldError.of("doseTimes", "alarms.error.doseTime", String.valueOf(time)));
                    break;
                }
            }
        }
        int grace = graceMinutes == null ? DEFAULT_GRACE_MINUTES : graceMinutes;
        if (grace < 0 || grace > 240) {
            errors.add(FieldError.of("graceMinutes", "alarms.error.grace"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The dose schedule has invalid fields.", errors);
        }
        doseTimes.sort(null);
        Instant now = clock.instant();
        jdbc.sql("""
                insert into alarms.dose_schedule (serial, citizen_id, dose_times, grace_minutes, changed_at, changed_by)
                values (?, ?, ?::time[], ?, ?, ?)
                on conflict (serial) do update set citizen_id = excluded.citizen_id, dose_times = excluded.dose_times,
                    grace_minutes = excluded.grace_minutes, changed_at = excluded.changed_at, changed_by = excluded.changed_by
                """).params(serial, device.citizenId(), doseTimes.stream().map(LocalTime::toString).toArray(String[]::new),
                grace, AlarmBook.utc(now), user.username()).update();
        jdbc.sql("insert into alarms.change_log (at, actor, subject, detail) values (?, ?, ?, ?)")
                .params(AlarmBook.utc(now), user.username(), "dose-schedule:" + serial, doseTimes + " grace " + grace)
                .update();
        audit.record(device.citizenId(), "alarm.schedule-change");
        jdbc.sql("delete from alarms.due_dose where serial = ? and state = 'PENDING' and due_at > ?")
                .params(serial, AlarmBook.utc(now)).update();
        planAhead(serial);
        Schedule schedule = new Schedule(serial, device.citizenId(), List.copyOf(doseTimes), grace);
        return new Saved(schedule, notes(doseTimes, LocalDate.ofInstant(now, TimeConfiguration.DANISH_TIME)));
    }

    /** Plans the doses of every device with a schedule, from today to {@link #DAYS_AHEAD} days ahead. */
    int planAhead() {
        return plan(null);
    }

    /** Plans the device's doses, from today to {@link #DAYS_AHEAD} days ahead. */
    int planAhead(String serial) {
        return plan(serial);
    }

    /**
     * One statement for all devices: PostgreSQL turns each Danish day and time into an instant
     * ({@code AT TIME ZONE}) the way {@link #dueAt} does; the unique (serial, due_at) keeps each dose once.
     */
    private int plan(@Nullable String serial) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, TimeConfiguration.DANISH_TIME);
        return jdbc.sql("""
                insert into alarms.due_dose (serial, citizen_id, municipality_code, due_at, grace_until)
                select s.serial, d.citizen_id, d.municipality_code, due.at, due.at + s.grace_minutes * interval '1 minute'
                from alarms.dose_schedule s
                join alarms.installed_device d on d.serial = s.serial and d.citizen_id = s.citizen_id and d.ended_on is null
                cross join generate_series(?::date, ?::date, interval '1 day') as day(first)
                cross join unnest(s.dose_times) as t(time)
                cross join lateral (select (day.first::date + t.time) at time zone 'Europe/Copenhagen' as at) as due
                where (?::text is null or s.serial = ?) and day.first::date >= d.started_on and due.at > ?
                order by due.at
                on conflict (serial, due_at) do nothing
                """).params(today, today.plusDays(DAYS_AHEAD), serial, serial, AlarmBook.utc(now)).update();
    }

    /** When a dose at {@code time} on {@code day} is due (see the class comment on the daylight-saving nights). */
    static Instant dueAt(LocalDate day, LocalTime time) {
        return LocalDateTime.of(day, time).atZone(TimeConfiguration.DANISH_TIME).toInstant();
    }

    /** Notes on the daylight-saving nights of the coming year where a dose time does not exist or happens twice. */
    static List<String> notes(List<LocalTime> times, LocalDate from) {
        List<String> notes = new ArrayList<>();
        var rules = TimeConfiguration.DANISH_TIME.getRules();
        var transition = rules.nextTransition(from.atStartOfDay(TimeConfiguration.DANISH_TIME).toInstant());
        for (int i = 0; i < 2 && transition != null; i++) {
            for (LocalTime time : times) {
                LocalDateTime local = LocalDateTime.of(transition.getDateTimeBefore().toLocalDate(), time);
                if (transition.isGap() && !local.isBefore(transition.getDateTimeBefore())
                        && local.isBefore(transition.getDateTimeAfter())) {
                    ZonedDateTime due = local.atZone(TimeConfiguration.DANISH_TIME);
                    notes.add("On " + local.toLocalDate() + " " + time + " does not exist (summer time begins): the dose is due at "
                            + due.toLocalTime() + ".");
                } else if (transition.isOverlap() && !local.isBefore(transition.getDateTimeAfter())
                        && local.isBefore(transition.getDateTimeBefore())) {
                    notes.add("On " + local.toLocalDate() + " " + time + " happens twice (summer time ends): the dose is due once, at the first.");
                }
            }
            transition = rules.nextTransition(transition.getInstant());
        }
        return notes;
    }

    record Device(String serial, UUID citizenId, String municipalityCode) {
    }

    Optional<Device> device(String serial) {
        return jdbc.sql("select serial, citizen_id, municipality_code from alarms.installed_device"
                + " where serial = ? and ended_on is null").param(serial)
                .query((rs, i) -> new Device(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3))).optional();
    }

    private static boolean mayChange(CurrentUser user, Device device) {
        return user.has(Role.FSC_ADMIN) || (user.hasAny(Role.MUNICIPAL_CASEWORKER, Role.MUNICIPAL_HOMECARE)
                && device.municipalityCode().equals(user.municipalityCode()));
    }
}
