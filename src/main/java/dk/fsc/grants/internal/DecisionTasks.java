package dk.fsc.grants.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.citizens.CitizenMoved;
import dk.fsc.grants.DecisionTask;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a move means for grants: the new municipality's caseworkers get a task to decide on
 * new grants, and until they decide the citizen keeps ordering under the old municipality's
 * grants, for at most the transition the {@code grants.move_transition_rule} row sets (30
 * days from the moving day unless changed), paid for by the municipality that row names.
 * A move dated in the future changes nothing before its day: the old grants are simply in
 * force until then. Delivery of {@link CitizenMoved} is at least once; a second delivery
 * changes nothing.
 */
@Service
class DecisionTasks {

    static final String NO_TASK = "No task with this id.";

    private final JdbcClient jdbc;
    private final GrantRepository grants;
    private final GrantDecisions decisions;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    DecisionTasks(JdbcClient jdbc, GrantRepository grants, GrantDecisions decisions, CurrentUsers currentUsers,
            Clock clock) {
        this.jdbc = jdbc;
        this.grants = grants;
        this.decisions = decisions;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CitizenMoved moved) {
        UUID citizen = moved.citizenId().value();
        String from = moved.fromMunicipality().value();
        String to = moved.toMunicipality().value();
        GrantRepository.MoveTransitionRule rule = grants.moveTransitionRule();
        LocalDate transitionEnds = moved.movedOn().plusDays(rule.days());
        for (Grant grant : grants.ofCitizenInMunicipalityFrom(citizen, from, moved.movedOn())) {
            Grant kept = grant.endsOn() == null ? grant.end(transitionEnds, "Moved to municipality " + to)
                    : grant.endTransitionOn(transitionEnds);
            grants.keepForTransition(grant.id(), moved.movedOn(), to, rule.oldMunicipalityPays() ? from : to);
            if (kept != grant) {
                decisions.saveEnded(kept, "system");
            }
        }
        jdbc.sql("insert into grants.decision_task (id, citizen_id, municipality_code, reason, from_municipality,"
                + " due_to_date, created_at) values (?, ?, ?, 'MOVED_IN', ?, ?, ?) on conflict do nothing")
                .params(UUID.randomUUID(), citizen, to, from, moved.movedOn(), clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The open tasks of the caseworker's municipality, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    public List<DecisionTask> open() {
        CurrentUser user = currentUsers.require();
        return jdbc.sql("select id, citizen_id, municipality_code, reason, from_municipality, due_to_date, created_at"
                + " from grants.decision_task where municipality_code = ? and done_at is null order by created_at, id")
                .param(user.municipalityCode())
                .query((rs, i) -> new DecisionTask(rs.getObject(1, UUID.class), new CitizenId(rs.getObject(2, UUID.class)),
                        new MunicipalityCode(rs.getString(3)), rs.getString(4),
                        rs.getString(5) == null ? null : new MunicipalityCode(rs.getString(5)),
                        rs.getObject(6, LocalDate.class),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Marks the task decided, which ends the transition of a citizen who moved in; a task of
     * another municipality does not exist for the caller.
     */
    @Transactional
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    public void done(UUID taskId) {
        CurrentUser user = currentUsers.require();
        record Task(UUID citizenId, boolean open) {
        }
        Task task = jdbc.sql("select citizen_id, done_at is null from grants.decision_task where id = ?"
                + " and municipality_code = ? for update").params(taskId, user.municipalityCode())
                .query((rs, i) -> new Task(rs.getObject(1, UUID.class), rs.getBoolean(2))).optional()
                .orElseThrow(() -> new NotFoundException(NO_TASK));
        if (!task.open()) {
            throw new ConflictException("The task is already done.");
        }
        jdbc.sql("update grants.decision_task set done_at = ?, done_by = ? where id = ?")
                .params(clock.instant().atOffset(ZoneOffset.UTC), user.username(), taskId).update();
        decisions.endTransitions(task.citizenId(), String.valueOf(user.municipalityCode()), user.username());
    }
}
