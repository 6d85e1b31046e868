package dk.fsc.alarms.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.seed.Seed;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo alarms: the vendor DoseTech ApS (an API key of that name lets its system send events), and
 * the demo citizen Birthe Sørensen of Aarhus with a dispenser ({@link #SERIAL}, known to this
 * module as installed four weeks ago) taking doses at 08:00, 12:00 and 18:00: three weeks of
 * doses, about one in eight missed, the older misses' alarms closed by home care and the newest
 * one open on Aarhus's alarm list, and the device's events of the last two days.
 */
@Component
@Profile("demo")
class DemoAlarmsSeed implements Seed {

    static final String SERIAL = "DEMO-DISP-751";
    static final UUID BIRTHE = UUID.fromString("a0000000-0000-4000-8000-000000000751");
    static final String BY = "system:demo-seed";

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoAlarmsSeed(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "alarms/demo-alarms";
    }

    @Override
    public int order() {
        return 420;
    }

    @Override
    public void apply() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, TimeConfiguration.DANISH_TIME);
        jdbc.sql("insert into alarms.vendor (code, api_key_name, secret, changed_at, changed_by) values (?, ?, ?, ?, ?)")
                .params("dosetech", "DoseTech ApS", StandardWebhooks.newSecret(), AlarmBook.utc(now), BY).update();
        jdbc.sql("""
                insert into alarms.installed_device (serial, lease_id, citizen_id, municipality_code, services, started_on,
                    last_heard_at, heartbeat_minutes) values (?, ?, ?, '751', '{ALARM,REFILL}', ?, ?, 1440)
                """).params(SERIAL, UUID.nameUUIDFromBytes(SERIAL.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                BIRTHE, today.minusWeeks(4), AlarmBook.utc(now)).update();
        jdbc.sql("""
                insert into alarms.dose_schedule (serial, citizen_id, dose_times, grace_minutes, changed_at, changed_by)
                values (?, ?, '{08:00,12:00,18:00}', 30, ?, ?)
                """).params(SERIAL, BIRTHE, AlarmBook.utc(now), BY).update();
        // Three weeks of doses up to now; every eighth missed, the others taken a few minutes after due.
        jdbc.sql("""
                insert into alarms.due_dose (serial, citizen_id, municipality_code, due_at, grace_until, state)
                select ?, ?, '751', at, at + interval '30 minutes',
                    case when row_number() over (order by at) % 8 = 5 then 'MISSED' else 'TAKEN' end
                from generate_series(?::date - 21, ?::date, interval '1 day') as day(first)
                cross join unnest('{08:00,12:00,18:00}'::time[]) as t(time)
                cross join lateral (select (day.first::date + t.time) at time zone 'Europe/Copenhagen' as at) as due
                where at + interval '30 minutes' <= ?
                """).params(SERIAL, BIRTHE, today, today, AlarmBook.utc(now)).update();
        jdbc.sql("""
                insert into alarms.dose_taken (serial, due_at, taken_at)
                select serial, due_at, due_at + (id % 20) * interval '1 minute' from alarms.due_dose
                where serial = ? and state = 'TAKEN'
                """).param(SERIAL).update();
        jdbc.sql("""
                insert into alarms.event_key (vendor, event_id, received_at)
                select 'dosetech', 'demo-' || d.id, d.due_at + interval '21 minutes' from alarms.due_dose d
                where d.serial = ? and d.due_at >= ?
                """).params(SERIAL, AlarmBook.utc(now.minusSeconds(2 * 86_400))).update();
        jdbc.sql("""
                insert into alarms.device_event (received_at, vendor, event_id, serial, type, known_type, device_time,
                    due_at, installed, citizen_id, payload)
                select k.received_at, 'dosetech', k.event_id, d.serial,
                    case d.state when 'TAKEN' then 'dose_taken' else 'dose_missed' end, true,
                    k.received_at - interval '1 minute', d.due_at, true, d.citizen_id,
                    jsonb_build_object('id', k.event_id, 'serial', d.serial, 'dueAt', d.due_at,
                        'type', case d.state when 'TAKEN' then 'dose_taken' else 'dose_missed' end)
                from alarms.event_key k join alarms.due_dose d on k.event_id = 'demo-' || d.id
                where k.vendor = 'dosetech'
                """).update();
        // Each missed dose raised an alarm; home care took and closed all but the newest.
        jdbc.sql("""
                insert into alarms.alarm (id, cause, kind, serial, citizen_id, municipality_code, due_at, raised_at,
                    acknowledged_at, acknowledged_by, closed_at, closed_by, outcome, version)
                select gen_random_uuid(), 'dose:' || d.id, 'MISSED_DOSE', d.serial, d.citizen_id, '751', d.grace_until,
                    d.grace_until + interval '1 second',
                    case when newest then null else d.grace_until + (5 + d.id % 15) * interval '1 minute' end,
                    case when newest then null else 'homecare-aarhus' end,
                    case when newest then null else d.grace_until + (30 + d.id % 60) * interval '1 minute' end,
                    case when newest then null else 'homecare-aarhus' end,
                    case when newest then null when d.id % 3 = 0 then 'NOT_AT_HOME' when d.id % 3 = 1
                        then 'VISITED_AND_GIVEN' else 'TAKEN_LATE' end,
                    nextval('alarms.alarm_version')
                from (select *, due_at = max(due_at) over () as newest from alarms.due_dose
                      where serial = ? and state = 'MISSED') d
                """).param(SERIAL).update();
    }
}
