package dk.fsc.alarms.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import dk.fsc.devices.CitizenPaused;
import dk.fsc.devices.DeviceService;
import dk.fsc.devices.DeviceServicesChanged;
import dk.fsc.devices.LeasePeriodEnded;
import dk.fsc.devices.LeasePeriodStarted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The alarms module's own picture of installed devices, fed by the devices module's events:
 * which citizen has which dispenser, in which municipality, with which services, and the
 * citizens' pauses. Each listener may hear its event more than once: it sets state, never counts.
 * A lease ended cancels the device's doses still pending.
 */
@Component
class InstalledDevices {

    private final JdbcClient jdbc;
    private final DoseSchedules schedules;

    InstalledDevices(JdbcClient jdbc, DoseSchedules schedules) {
        this.jdbc = jdbc;
        this.schedules = schedules;
    }

    @ApplicationModuleListener
    void on(LeasePeriodStarted event) {
        install(event.leaseId(), event.deviceSerial(), event.citizenId().value(), event.municipality().value(),
                event.services(), event.startsOn(), event.recordedAt());
    }

    @ApplicationModuleListener
    void on(DeviceServicesChanged event) {
        install(event.leaseId(), event.deviceSerial(), event.citizenId().value(), event.municipality().value(),
                event.services(), event.from(), event.recordedAt());
    }

    @ApplicationModuleListener
    void on(LeasePeriodEnded event) {
        int ended = jdbc.sql("update alarms.installed_device set ended_on = ? where serial = ? and lease_id = ?")
                .params(event.endsOn(), event.deviceSerial(), event.leaseId()).update();
        if (ended > 0) {
            jdbc.sql("update alarms.due_dose set state = 'CANCELLED' where serial = ? and state = 'PENDING'"
                    + " and due_at >= ?").params(event.deviceSerial(),
                            event.endsOn().plusDays(1).atStartOfDay(dk.fsc.shared.TimeConfiguration.DANISH_TIME)
                                    .toOffsetDateTime())
                    .update();
        }
    }

    @ApplicationModuleListener
    void on(CitizenPaused event) {
        jdbc.sql("""
                insert into alarms.pause (pause_id, citizen_id, from_day, to_day, cancelled) values (?, ?, ?, ?, ?)
                on conflict (pause_id) do update set from_day = excluded.from_day, to_day = excluded.to_day,
                    cancelled = excluded.cancelled
                """).params(event.pauseId(), event.citizenId().value(), event.from(), event.to(), event.cancelled())
                .update();
    }

    private void install(java.util.UUID leaseId, String serial, java.util.UUID citizenId, String municipality,
            Set<DeviceService> services, LocalDate from, java.time.Instant recordedAt) {
        jdbc.sql("""
                insert into alarms.installed_device (serial, lease_id, citizen_id, municipality_code, services,
                    started_on, last_heard_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (serial) do update set lease_id = excluded.lease_id, citizen_id = excluded.citizen_id,
                    municipality_code = excluded.municipality_code, services = excluded.services,
                    started_on = least(installed_device.started_on, excluded.started_on),
                    ended_on = case when installed_device.lease_id = excluded.lease_id then installed_device.ended_on end,
                    last_heard_at = greatest(installed_device.last_heard_at, excluded.last_heard_at)
                """).params(serial, leaseId, citizenId, municipality,
                services.stream().map(Enum::name).sorted().toArray(String[]::new), from,
                recordedAt.atOffset(ZoneOffset.UTC)).update();
        schedules.planAhead(serial);
    }
}
