package dk.fsc.alarms.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dk.fsc.alarms.AlarmKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds what must raise or escalate an alarm, from rows in PostgreSQL only: doses whose grace
 * has passed while pending, devices silent for longer than their heartbeat interval, and
 * unacknowledged alarms whose plan's next escalation delay has passed. Each pass claims its
 * rows with {@code FOR UPDATE SKIP LOCKED} in one transaction, so instances running at once
 * share the work and an instance killed mid-pass leaves its rows to the next pass; the
 * unique cause of an alarm makes a second raise impossible anyway.
 */
@Component
class Detection {

    static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AlarmBook alarms;
    private final DeviceSignals signals;
    private final Notifications notifications;
    private final AlarmEvents events;
    private final Clock clock;

    Detection(JdbcClient jdbc, TransactionTemplate transactions, AlarmBook alarms, DeviceSignals signals,
            Notifications notifications, AlarmEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.alarms = alarms;
        this.signals = signals;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    /** One pass of everything; returns how many alarms were raised. */
    int detect() {
        int raised = 0;
        int claimed;
        do {
            int[] pass = missedDoses(clock.instant(), () -> {
            });
            claimed = pass[0];
            raised += pass[1];
        } while (claimed == BATCH);
        raised += silentDevices(clock.instant());
        escalate(clock.instant());
        return raised;
    }

    /**
     * Settles pending doses past their grace: taken when the device has reported them taken by
     * now, else missed, raising their alarms (citizens with the alarm service who are not paused
     * that day); {@code whileClaimed} runs while the rows are held (tests stop an instance there).
     * Returns the doses claimed and the alarms raised.
     */
    int[] missedDoses(Instant now, Runnable whileClaimed) {
        return transactions.execute(status -> {
            List<Long> ids = jdbc.sql("""
                    select id from alarms.due_dose where state = 'PENDING' and grace_until <= ?
                    order by grace_until limit ? for update skip locked
                    """).params(AlarmBook.utc(now), BATCH).query(Long.class).list();
            whileClaimed.run();
            if (ids.isEmpty()) {
                return new int[] { 0, 0 };
            }
            List<AlarmView> raised = jdbc.sql("""
                    with settled as (
                        update alarms.due_dose d set state = case when exists (select 1 from alarms.dose_taken t
                            where t.serial = d.serial and t.due_at = d.due_at) then 'TAKEN' else 'MISSED' end
                        where d.id = any(?) returning d.*
                    ), missed as (
                        select * from settled where state = 'MISSED'
                    )
                    insert into alarms.alarm (id, cause, kind, serial, citizen_id, municipality_code, due_at, raised_at, version)
                    select gen_random_uuid(), 'dose:' || m.id, 'MISSED_DOSE', m.serial, m.citizen_id, m.municipality_code,
                        m.grace_until, ?, nextval('alarms.alarm_version')
                    from missed m
                    join alarms.installed_device d on d.serial = m.serial and d.ended_on is null and 'ALARM' = any(d.services)
                    where not exists (select 1 from alarms.pause p where p.citizen_id = m.citizen_id and not p.cancelled
                        and (m.due_at at time zone 'Europe/Copenhagen')::date between p.from_day and p.to_day)
                    on conflict (cause) do nothing
                    returning\s""" + AlarmBook.COLUMNS).params(ids.toArray(Long[]::new), AlarmBook.utc(now))
                    .query(AlarmBook::view).list();
            raised.forEach(alarm -> {
                notifications.changed(alarm, "raised", now);
                events.raised(alarm);
            });
            return new int[] { ids.size(), raised.size() };
        });
    }

    /** Devices silent past their heartbeat interval: one offline alarm and one outage per silence. */
    int silentDevices(Instant now) {
        return transactions.execute(status -> {
            record Silent(String serial, Instant lastHeard, int heartbeatMinutes) {
            }
            List<Silent> silent = jdbc.sql("""
                    select serial, last_heard_at, heartbeat_minutes from alarms.installed_device
                    where ended_on is null and last_heard_at + heartbeat_minutes * interval '1 minute' <= ?
                      and silence_noted_at is distinct from last_heard_at
                    limit ? for update skip locked
                    """).params(AlarmBook.utc(now), BATCH)
                    .query((rs, i) -> new Silent(rs.getString(1), AlarmBook.instant(rs, "last_heard_at"), rs.getInt(3)))
                    .list();
            int raised = 0;
            for (Silent device : silent) {
                Instant silentSince = device.lastHeard().plusSeconds(device.heartbeatMinutes() * 60L);
                if (alarms.raise("offline:" + device.serial() + ":" + device.lastHeard().toEpochMilli(), AlarmKind.OFFLINE,
                        device.serial(), silentSince, now).isPresent()) {
                    raised++;
                }
                signals.outage(device.serial(), silentSince, now);
                jdbc.sql("update alarms.installed_device set silence_noted_at = last_heard_at where serial = ?")
                        .param(device.serial()).update();
            }
            return raised;
        });
    }

    /** Unacknowledged open alarms whose next escalation delay (from the alarm's due time) has passed go up a level. */
    int escalate(Instant now) {
        return transactions.execute(status -> {
            List<UUID> due = jdbc.sql("""
                    select a.id from alarms.alarm a
                    left join alarms.response_plan p on p.municipality_code = a.municipality_code
                    where a.closed_at is null and a.acknowledged_at is null
                      and a.level < coalesce(array_length(p.escalation_minutes, 1), 2)
                      and a.due_at + (coalesce(p.escalation_minutes, '{45,75}'::int[]))[a.level + 1] * interval '1 minute' <= ?
                    limit ? for update of a skip locked
                    """).params(AlarmBook.utc(now), BATCH).query(UUID.class).list();
            for (UUID id : due) {
                alarms.escalate(id, now);
                AlarmView alarm = alarms.find(id).orElseThrow();
                notifications.changed(alarm, "escalated-" + alarm.level(), now);
            }
            return due.size();
        });
    }
}
