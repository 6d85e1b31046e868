package dk.fsc.support.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.Citizens;
import dk.fsc.identity.AuditLog;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.identity.UserNames;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up tasks: owned by an agent or a team's queue, with a due date and a priority; listed per
 * agent and per team with the overdue ones marked; closed only with a note.
 */
@Service
class FollowUpTasks {

    static final String NO_TASK = "No task with this id.";

    enum Team {
        CALL_CENTER, COMPLAINTS, DEVICES
    }

    enum Priority {
        HIGH, NORMAL, LOW
    }

    record Task(UUID id, @Nullable UUID citizenId, @Nullable String municipalityCode, @Nullable UUID contactId,
            String title, @Nullable String ownerUser, @Nullable Team ownerTeam, LocalDate due, Priority priority,
            Instant createdAt, String createdBy, @Nullable Instant closedAt, @Nullable String closedBy,
            @Nullable String closingNote, boolean overdue) {
    }

    /** {@code owner} is a user name or {@code team:<TEAM>}. */
    record Command(@Nullable UUID citizenId, @Nullable UUID contactId, @Nullable String title, @Nullable String owner,
            @Nullable LocalDate due, @Nullable String priority) {
    }

    private static final String COLUMNS = "id, citizen_id, municipality_code, contact_id, title, owner_user,"
            + " owner_team, due, priority, created_at, created_by, closed_at, closed_by, closing_note";

    private final JdbcClient jdbc;
    private final Citizens citizens;
    private final AuditLog auditLog;
    private final UserNames userNames;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    FollowUpTasks(JdbcClient jdbc, Citizens citizens, AuditLog auditLog, UserNames userNames,
            CurrentUsers currentUsers, Clock clock) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.auditLog = auditLog;
        this.userNames = userNames;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(ContactDesk.DESK)
    public Task create(Command command) {
        List<FieldError> errors = new ArrayList<>();
        CitizenView citizen = null;
        if (command.citizenId() != null) {
            citizen = citizens.find(command.citizenId(), "task.create").orElse(null);
            if (citizen == null) {
                errors.add(FieldError.of("citizenId", "support.error.citizen"));
            }
        }
        String title = ContactDesk.text("title", command.title(), true, errors);
        if (title.length() > 200) {
            errors.add(FieldError.of("title", "support.error.tooLong", 200));
        }
        String owner = command.owner() == null ? "" : command.owner().strip();
        Team team = null;
        String user = null;
        if (owner.startsWith("team:")) {
            team = ContactDesk.choice("owner", owner.substring(5), Team.class, errors);
        } else if (userNames.withRole(Role.FSC_AGENT).stream().noneMatch(agent -> agent.username().equals(owner))) {
            errors.add(FieldError.of("owner", "support.error.owner"));
        } else {
            user = owner;
        }
        LocalDate today = today();
        if (command.due() == null || command.due().isBefore(today) || command.due().isAfter(today.plusYears(1))) {
            errors.add(FieldError.of("due", "support.error.due"));
        }
        Priority priority = ContactDesk.choice("priority", command.priority(), Priority.class, errors);
        ContactDesk.check(errors);
        Task task = new Task(UUID.randomUUID(), citizen == null ? null : citizen.id(),
                citizen == null ? null : citizen.municipalityCode(), command.contactId(), title, user, team,
                command.due(), priority, clock.instant(), currentUsers.require().username(), null, null, null, false);
        jdbc.sql("insert into support.task (id, citizen_id, municipality_code, contact_id, title, owner_user,"
                + " owner_team, due, priority, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(task.id(), task.citizenId(), task.municipalityCode(), task.contactId(), task.title(),
                        task.ownerUser(), team == null ? null : team.name(), task.due(), priority.name(),
                        Timestamp.from(task.createdAt()), task.createdBy())
                .update();
        return task;
    }

    /**
     * A task another module's event asks for, put in a team's queue by the system: {@code id}
     * comes from the event, so a second delivery of the event adds nothing.
     */
    @Transactional
    void fromSystem(UUID id, UUID citizenId, String municipalityCode, String title, Team team, Priority priority,
            String by) {
        jdbc.sql("insert into support.task (id, citizen_id, municipality_code, title, owner_team, due, priority,"
                + " created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing")
                .params(id, citizenId, municipalityCode, title, team.name(), today(), priority.name(),
                        Timestamp.from(clock.instant()), by)
                .update();
    }

    /** Closing needs a note; a closed task stays closed. */
    @Transactional
    @PreAuthorize(ContactDesk.DESK)
    public Task close(UUID taskId, @Nullable String note) {
        Task task = find(taskId);
        List<FieldError> errors = new ArrayList<>();
        String text = ContactDesk.text("closingNote", note, true, errors);
        ContactDesk.check(errors);
        if (task.closedAt() != null) {
            throw ContactDesk.refused("closingNote", "support.error.taskClosed");
        }
        jdbc.sql("update support.task set closed_at = ?, closed_by = ?, closing_note = ? where id = ?")
                .params(Timestamp.from(clock.instant()), currentUsers.require().username(), text, taskId).update();
        if (task.citizenId() != null) {
            auditLog.record(task.citizenId(), "task.close");
        }
        return find(taskId);
    }

    /** A task the caller may see (service center; the caseworker of the citizen's municipality), else 404. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FSC_AGENT', 'FSC_ADMIN', 'MUNICIPAL_CASEWORKER')")
    public Task find(UUID taskId) {
        CurrentUser user = currentUsers.require();
        return list("where id = ?", taskId).stream().filter(task -> SupportAccess.maySee(user, task.municipalityCode()))
                .findFirst().orElseThrow(() -> new NotFoundException(NO_TASK));
    }

    /** The caller's own open tasks, the earliest due first. */
    @Transactional(readOnly = true)
    @PreAuthorize(ContactDesk.DESK)
    public List<Task> mine() {
        return list("where owner_user = ? and closed_at is null order by due, priority", currentUsers.require().username());
    }

    /** A team's queue of open tasks, the earliest due first. */
    @Transactional(readOnly = true)
    @PreAuthorize(ContactDesk.DESK)
    public List<Task> ofTeam(Team team) {
        return list("where owner_team = ? and closed_at is null order by due, priority", team.name());
    }

    /** The citizen's open tasks; the caller has been found to see the citizen. */
    List<Task> openOfCitizen(UUID citizenId) {
        return list("where citizen_id = ? and closed_at is null order by due", citizenId);
    }

    private List<Task> list(String where, Object param) {
        LocalDate today = today();
        return jdbc.sql("select " + COLUMNS + " from support.task " + where + " limit 200").param(param)
                .query((rs, row) -> task(rs, today)).list();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
    }

    private static Task task(ResultSet rs, LocalDate today) throws SQLException {
        Timestamp closedAt = rs.getTimestamp("closed_at");
        String team = rs.getString("owner_team");
        LocalDate due = rs.getObject("due", LocalDate.class);
        return new Task(rs.getObject("id", UUID.class), rs.getObject("citizen_id", UUID.class),
                rs.getString("municipality_code"), rs.getObject("contact_id", UUID.class), rs.getString("title"),
                rs.getString("owner_user"), team == null ? null : Team.valueOf(team), due,
                Priority.valueOf(rs.getString("priority")), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), closedAt == null ? null : closedAt.toInstant(), rs.getString("closed_by"),
                rs.getString("closing_note"), closedAt == null && due.isBefore(today));
    }
}
