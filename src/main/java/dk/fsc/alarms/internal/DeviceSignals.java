package dk.fsc.alarms.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.fsc.devices.WorkOrderRequested;
import dk.fsc.devices.WorkOrderType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What new events from installed devices mean: the device is alive, a dose was taken (or the
 * device says it was missed), a technical fault raises an alarm, and the signals that drive
 * logistics: doses low asks for a refill before the dispenser is empty (when the municipality
 * bought refill), a third outage within a week asks for a service visit.
 */
@Component
class DeviceSignals {

    static final String ACTOR = "system:alarms";
    /** Outages within this window that ask for a service visit. */
    static final int OUTAGES_FOR_SERVICE = 3;
    static final Duration OUTAGE_WINDOW = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final AlarmBook alarms;
    private final ApplicationEventPublisher events;

    DeviceSignals(JdbcClient jdbc, AlarmBook alarms, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.alarms = alarms;
        this.events = events;
    }

    void apply(String vendor, List<DeviceEventIngest.Valid> fresh, Instant now) {
        if (fresh.isEmpty()) {
            return;
        }
        heard(fresh, now);
        doses(fresh, now);
        for (DeviceEventIngest.Valid event : fresh) {
            DeviceEventType type = event.known().orElseThrow();
            type.alarm().ifPresent(kind -> alarms.raise("event:" + vendor + ":" + event.id(), kind, event.serial(),
                    event.time(), now));
            switch (type) {
                case DOSES_LOW -> requestRefill(event.serial(), vendor + ":" + event.id(), now);
                case REFILL_DONE -> jdbc.sql("update alarms.installed_device set refill_requested = false where serial = ?")
                        .param(event.serial()).update();
                case OFFLINE -> outage(event.serial(), event.time(), now);
                default -> {
                }
            }
        }
    }

    /**
     * Each device's newest event time (never later than now) is when it was last heard; kept to
     * the minute, so a busy device does not rewrite its row with every batch.
     */
    private void heard(List<DeviceEventIngest.Valid> fresh, Instant now) {
        Map<String, Instant> newest = fresh.stream().collect(Collectors.toMap(DeviceEventIngest.Valid::serial,
                event -> event.time().isAfter(now) ? now : event.time(), (a, b) -> a.isAfter(b) ? a : b));
        jdbc.sql("""
                update alarms.installed_device d set last_heard_at = greatest(d.last_heard_at, h.at)
                from unnest(?::text[], ?::timestamptz[]) as h(serial, at)
                where d.serial = h.serial and h.at > d.last_heard_at + interval '1 minute'
                """).params(newest.keySet().toArray(String[]::new),
                newest.values().stream().map(Instant::toString).toArray(String[]::new)).update();
    }

    /**
     * Dose taken (or given by hand) is kept as a row of its own, insert-only and found by its
     * key, so ingest rewrites no due dose and touches no index of theirs: detection reads it
     * when the dose's grace expires. The first time the device gives (never later than now)
     * counts. The device's own "missed" is noted on the dose.
     */
    private void doses(List<DeviceEventIngest.Valid> fresh, Instant now) {
        List<DeviceEventIngest.Valid> taken = fresh.stream().filter(event -> event.dueAt() != null)
                .filter(event -> event.known().get() == DeviceEventType.DOSE_TAKEN
                        || event.known().get() == DeviceEventType.MANUAL_DISPENSE)
                .toList();
        if (!taken.isEmpty()) {
            jdbc.sql("""
                    insert into alarms.dose_taken (serial, due_at, taken_at)
                    select serial, due_at, min(least(at, ?))
                    from unnest(?::text[], ?::timestamptz[], ?::timestamptz[]) as t(serial, due_at, at)
                    group by serial, due_at
                    on conflict (serial, due_at) do update set taken_at = excluded.taken_at
                        where excluded.taken_at < dose_taken.taken_at
                    """).params(now.atOffset(ZoneOffset.UTC),
                    taken.stream().map(DeviceEventIngest.Valid::serial).toArray(String[]::new),
                    taken.stream().map(event -> event.dueAt().toString()).toArray(String[]::new),
                    taken.stream().map(event -> event.time().toString()).toArray(String[]::new)).update();
        }
        List<DeviceEventIngest.Valid> missed = fresh.stream()
                .filter(event -> event.known().get() == DeviceEventType.DOSE_MISSED).toList();
        if (!missed.isEmpty()) {
            jdbc.sql("""
                    update alarms.due_dose d set device_said_missed = true
                    from unnest(?::text[], ?::timestamptz[]) as t(serial, due_at)
                    where d.serial = t.serial and d.due_at = t.due_at
                    """).params(missed.stream().map(DeviceEventIngest.Valid::serial).toArray(String[]::new),
                    missed.stream().map(event -> event.dueAt().toString()).toArray(String[]::new)).update();
        }
    }

    /** A refill before the dispenser runs empty, once until the refill is done, if refill was bought. */
    private void requestRefill(String serial, String cause, Instant now) {
        int asked = jdbc.sql("""
                update alarms.installed_device set refill_requested = true
                where serial = ? and ended_on is null and not refill_requested and 'REFILL' = any(services)
                """).param(serial).update();
        if (asked > 0) {
            requestWork("refill:" + cause, WorkOrderType.REFILL, serial, false, "Doses low", now, ACTOR);
        }
    }

    /**
     * Records an outage (an offline alarm or the vendor's offline event); the third within a
     * week asks for a service visit, at most once a week per device.
     */
    void outage(String serial, Instant at, Instant now) {
        jdbc.sql("insert into alarms.outage (serial, at) values (?, ?) on conflict do nothing")
                .params(serial, at.atOffset(ZoneOffset.UTC)).update();
        OffsetDateTime weekAgo = now.minus(OUTAGE_WINDOW).atOffset(ZoneOffset.UTC);
        int asked = jdbc.sql("""
                update alarms.installed_device d set service_requested_at = ?
                where d.serial = ? and d.ended_on is null
                  and (d.service_requested_at is null or d.service_requested_at < ?)
                  and (select count(*) from alarms.outage o where o.serial = d.serial and o.at >= ?) >= ?
                """).params(now.atOffset(ZoneOffset.UTC), serial, weekAgo, weekAgo, OUTAGES_FOR_SERVICE).update();
        if (asked > 0) {
            requestWork("service:" + serial + ":" + now, WorkOrderType.SERVICE, serial, false,
                    "Offline " + OUTAGES_FOR_SERVICE + " times within a week", now, ACTOR);
        }
    }

    /**
     * Asks the devices module for work on a device and keeps a row of it. The same cause always
     * asks with the same request id, so the devices module makes one work order of it.
     */
    void requestWork(String cause, WorkOrderType type, String serial, boolean acute, String reason, Instant now,
            String by) {
        UUID requestId = UUID.nameUUIDFromBytes(cause.getBytes(StandardCharsets.UTF_8));
        int fresh = jdbc.sql("""
                insert into alarms.work_request (request_id, type, serial, reason, requested_at, requested_by)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing
                """).params(requestId, type.name(), serial, reason, now.atOffset(ZoneOffset.UTC), by).update();
        if (fresh > 0) {
            events.publishEvent(new WorkOrderRequested(requestId, type, serial, acute, reason, now, by));
        }
    }
}
