package dk.fsc.devices.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.fsc.devices.WorkOrderType;
import dk.fsc.shared.TimeConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The work orders and their timed targets. */
@Repository
class WorkOrders {

    enum Status {
        OPEN, PLANNED, DONE, CANCELLED
    }

    /** Why open work cannot go on yet. */
    static final String WAITING_FOR_DEVICE = "NO_DEVICE";
    static final String WAITING_FOR_PREPARATION = "PREPARATION";

    record WorkOrder(UUID id, String chainKey, WorkOrderType type, Status status, @Nullable UUID citizenId,
            @Nullable String citizenName, String municipality, @Nullable UUID grantId, @Nullable UUID modelId,
            @Nullable String areaCode, @Nullable String level, String services, @Nullable String deviceSerial,
            @Nullable String street, @Nullable String postalCode, @Nullable String city, @Nullable Instant windowFrom,
            @Nullable Instant windowTo, String skills, int priority, int durationMinutes, @Nullable UUID technicianId,
            @Nullable Instant plannedStart, @Nullable Instant plannedEnd, boolean pinned, @Nullable Instant actualStart,
            @Nullable Instant actualEnd, @Nullable Integer minutes, @Nullable String outcome, @Nullable String notes,
            @Nullable String waiting, @Nullable UUID dependsOn, Instant dueAt, Instant createdAt,
            @Nullable String reason) {

        public boolean open() {
            return status == Status.OPEN || status == Status.PLANNED;
        }

        /** Done at the citizen's home (not in the workshop), so it is planned into a technician's day. */
        public boolean visit() {
            return type != WorkOrderType.PREPARE && type != WorkOrderType.CLEANING;
        }

        Set<String> skillSet() {
            return skills.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(skills.split(" ")));
        }

        boolean missed(Instant now) {
            return open() && now.isAfter(dueAt);
        }

        /** Open and planned to end after its target, or not planned while its target is near. */
        boolean willMiss(Instant now, int warnHours) {
            return open() && !missed(now) && (plannedEnd != null && plannedEnd.isAfter(dueAt)
                    || plannedEnd == null && now.plusSeconds(warnHours * 3600L).isAfter(dueAt));
        }

        @Nullable LocalDate plannedDay() {
            return plannedStart == null ? null : plannedStart.atZone(TimeConfiguration.DANISH_TIME).toLocalDate();
        }
    }

    record Target(String code, @Nullable Integer workingDays, @Nullable Integer workingHours, int warnHours) {

        Instant dueFrom(Instant created) {
            return workingHours != null ? WorkingCalendar.afterWorkingHours(created, workingHours)
                    : WorkingCalendar.afterWorkingDays(created, workingDays);
        }
    }

    private final JdbcClient jdbc;

    WorkOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Target> targets() {
        return jdbc.sql("select work_order_type as code, working_days, working_hours, warn_hours from devices.target"
                + " order by work_order_type").query(Target.class).list();
    }

    Target target(String code) {
        return jdbc.sql("select work_order_type as code, working_days, working_hours, warn_hours from devices.target"
                + " where work_order_type = ?").param(code).query(Target.class).single();
    }

    /** Inserts the work unless work with the same chain key exists; true when inserted. */
    boolean insertIfNew(WorkOrder w) {
        return jdbc.sql("insert into devices.work_order (id, chain_key, type, status, citizen_id, citizen_name,"
                + " municipality, grant_id, model_id, area_code, level, services, device_serial, street, postal_code,"
                + " city, window_from, window_to, skills, priority, duration_min, waiting, depends_on, due_at,"
                + " created_at, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?) on conflict (chain_key) do nothing")
                .params(w.id(), w.chainKey(), w.type().name(), w.status().name(), w.citizenId(), w.citizenName(),
                        w.municipality(), w.grantId(), w.modelId(), w.areaCode(), w.level(), w.services(),
                        w.deviceSerial(), w.street(), w.postalCode(), w.city(), ts(w.windowFrom()), ts(w.windowTo()),
                        w.skills(), w.priority(), w.durationMinutes(), w.waiting(), w.dependsOn(), ts(w.dueAt()),
                        ts(w.createdAt()), w.reason())
                .update() == 1;
    }

    Optional<WorkOrder> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(WorkOrders::map).optional();
    }

    Optional<WorkOrder> lock(UUID id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(WorkOrders::map).optional();
    }

    Optional<WorkOrder> byChainKey(String key) {
        return jdbc.sql(SELECT + " where chain_key = ?").param(key).query(WorkOrders::map).optional();
    }

    List<WorkOrder> ofGrant(UUID grantId) {
        return jdbc.sql(SELECT + " where grant_id = ? order by created_at").param(grantId).query(WorkOrders::map).list();
    }

    /** The citizen's open work, soonest target first. */
    List<WorkOrder> openOfCitizen(UUID citizenId) {
        return jdbc.sql(SELECT + " where citizen_id = ? and status in ('OPEN', 'PLANNED') order by due_at")
                .param(citizenId).query(WorkOrders::map).list();
    }

    List<WorkOrder> dependingOn(UUID id) {
        return jdbc.sql(SELECT + " where depends_on = ?").param(id).query(WorkOrders::map).list();
    }

    List<WorkOrder> waitingFor(String waiting) {
        return jdbc.sql(SELECT + " where waiting = ? and status in ('OPEN', 'PLANNED') order by created_at")
                .param(waiting).query(WorkOrders::map).list();
    }

    /** Filtered list, most urgent first: by municipality, type and status (each optional). */
    List<WorkOrder> search(@Nullable String municipality, @Nullable WorkOrderType type, @Nullable Status status,
            @Nullable UUID technicianId) {
        return jdbc.sql(SELECT + " where (cast(? as text) is null or municipality = ?)"
                + " and (cast(? as text) is null or type = ?) and (cast(? as text) is null or status = ?)"
                + " and (cast(? as uuid) is null or technician_id = ?) order by status = 'DONE', status = 'CANCELLED',"
                + " due_at limit 500")
                .params(municipality, municipality, name(type), name(type), name(status), name(status), technicianId,
                        technicianId)
                .query(WorkOrders::map).list();
    }

    /** Open visits that can be planned (not waiting, not depending on open work). */
    List<WorkOrder> plannable() {
        return jdbc.sql(SELECT + " w where status in ('OPEN', 'PLANNED') and waiting is null and type not in"
                + " ('PREPARE', 'CLEANING') and (depends_on is null or exists (select 1 from devices.work_order d"
                + " where d.id = w.depends_on and d.status = 'DONE')) order by due_at").query(WorkOrders::map).list();
    }

    List<WorkOrder> plannedFor(UUID technicianId, Instant from, Instant to) {
        return jdbc.sql(SELECT + " where technician_id = ? and planned_start >= ? and planned_start < ?"
                + " order by planned_start").params(technicianId, ts(from), ts(to)).query(WorkOrders::map).list();
    }

    List<WorkOrder> plannedBetween(Instant from, Instant to) {
        return jdbc.sql(SELECT + " where planned_start >= ? and planned_start < ? order by technician_id, planned_start")
                .params(ts(from), ts(to)).query(WorkOrders::map).list();
    }

    void plan(UUID id, @Nullable UUID technicianId, @Nullable Instant start, @Nullable Instant end, boolean pinned) {
        jdbc.sql("update devices.work_order set technician_id = ?, planned_start = ?, planned_end = ?, pinned = ?,"
                + " status = case when status in ('OPEN', 'PLANNED') then ? else status end where id = ?")
                .params(technicianId, ts(start), ts(end), pinned, technicianId == null ? "OPEN" : "PLANNED", id)
                .update();
    }

    void setDevice(UUID id, @Nullable String serial, @Nullable String waiting) {
        jdbc.sql("update devices.work_order set device_serial = ?, waiting = ? where id = ?").params(serial, waiting, id)
                .update();
    }

    void setDue(UUID id, Instant dueAt) {
        jdbc.sql("update devices.work_order set due_at = ? where id = ?").params(ts(dueAt), id).update();
    }

    void setWaiting(UUID id, @Nullable String waiting) {
        jdbc.sql("update devices.work_order set waiting = ? where id = ?").params(waiting, id).update();
    }

    void complete(UUID id, Instant start, Instant end, int minutes, String outcome, @Nullable String notes) {
        jdbc.sql("update devices.work_order set status = 'DONE', actual_start = ?, actual_end = ?, minutes = ?,"
                + " outcome = ?, notes = ?, waiting = null where id = ?")
                .params(ts(start), ts(end), minutes, outcome, notes, id).update();
    }

    void reopen(UUID id, String outcome, @Nullable String notes) {
        jdbc.sql("update devices.work_order set status = 'OPEN', technician_id = null, planned_start = null,"
                + " planned_end = null, pinned = false, outcome = ?, notes = ? where id = ?")
                .params(outcome, notes, id).update();
    }

    void cancel(UUID id, String reason) {
        jdbc.sql("update devices.work_order set status = 'CANCELLED', reason = ?, technician_id = null,"
                + " planned_start = null, planned_end = null where id = ? and status in ('OPEN', 'PLANNED')")
                .params(reason, id).update();
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static final String SELECT = "select * from devices.work_order";

    private static WorkOrder map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        int minutes = rs.getInt("minutes");
        Integer used = rs.wasNull() ? null : minutes;
        return new WorkOrder(rs.getObject("id", UUID.class), rs.getString("chain_key"),
                WorkOrderType.valueOf(rs.getString("type")), Status.valueOf(rs.getString("status")),
                rs.getObject("citizen_id", UUID.class), rs.getString("citizen_name"), rs.getString("municipality"),
                rs.getObject("grant_id", UUID.class), rs.getObject("model_id", UUID.class), rs.getString("area_code"),
                rs.getString("level"), rs.getString("services"), rs.getString("device_serial"), rs.getString("street"),
                rs.getString("postal_code"), rs.getString("city"), instant(rs, "window_from"), instant(rs, "window_to"),
                rs.getString("skills"), rs.getInt("priority"), rs.getInt("duration_min"),
                rs.getObject("technician_id", UUID.class), instant(rs, "planned_start"), instant(rs, "planned_end"),
                rs.getBoolean("pinned"), instant(rs, "actual_start"), instant(rs, "actual_end"), used,
                rs.getString("outcome"), rs.getString("notes"), rs.getString("waiting"),
                rs.getObject("depends_on", UUID.class), instant(rs, "due_at"), instant(rs, "created_at"),
                rs.getString("reason"));
    }
}
