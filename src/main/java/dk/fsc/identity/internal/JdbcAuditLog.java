package dk.fsc.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.fsc.identity.AuditAction;
import dk.fsc.identity.AuditLog;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.SystemJob;
import dk.fsc.shared.database.JdbcPages;
import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Writes the log in the caller's transaction. One request (a page view, an API call) writes at
 * most one row per citizen for reads: a page that asks several use cases for the same citizen
 * (orders, standing orders, the citizen's name) is one look at the citizen, and changes are
 * always written. A row whose transaction rolls back is forgotten, so a later read in the same
 * request is written instead.
 */
@Service
class JdbcAuditLog implements AuditLog {

    private static final String CITIZENS_RECORDED = JdbcAuditLog.class.getName() + ".citizensRecorded";

    private static final String COLUMNS =
            "id, at, actor, actor_roles, actor_municipality, citizen_id, subject_user, action, detail, client";

    private final JdbcClient jdbc;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, CurrentUsers currentUsers, Clock clock) {
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /** Joins the caller's transaction, so that a change and its record commit or roll back together. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID citizenId, String action) {
        insert(currentUsers.require(), citizenId, null, action, null);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordForSystem(SystemJob job, UUID citizenId, String action) {
        insert(new CurrentUser(job.actor(), Set.of(), null, null, null, "system"), citizenId, null, action, null);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordUserChange(String username, String action, String detail) {
        insert(currentUsers.require(), null, username, action, detail);
    }

    private void insert(CurrentUser user, @Nullable UUID citizenId, @Nullable String subjectUser, String action,
            @Nullable String detail) {
        AuditAction known = AuditAction.ofCode(action);
        if (citizenId != null && !firstInRequest(citizenId) && known.read()) {
            return;
        }
        jdbc.sql("insert into identity.audit_log (at, actor, actor_roles, actor_municipality, citizen_id,"
                + " subject_user, action, detail, client) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(clock.instant().atOffset(ZoneOffset.UTC), user.username(),
                        user.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                        user.municipalityCode(), citizenId, subjectUser, action, detail, user.client())
                .update();
    }

    /** Whether this request has written no row about the citizen yet (outside a request: always). */
    @SuppressWarnings("unchecked")
    private static boolean firstInRequest(UUID citizenId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return true;
        }
        Set<UUID> recorded = (Set<UUID>) request.getAttribute(CITIZENS_RECORDED, RequestAttributes.SCOPE_REQUEST);
        if (recorded == null) {
            recorded = new HashSet<>();
            request.setAttribute(CITIZENS_RECORDED, recorded, RequestAttributes.SCOPE_REQUEST);
        }
        if (!recorded.add(citizenId)) {
            return false;
        }
        Set<UUID> ofRequest = recorded;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    ofRequest.remove(citizenId);
                }
            }
        });
        return true;
    }

    @Override
    @Transactional(readOnly = true)
    public Paged<Entry> search(@Nullable UUID citizenId, @Nullable Instant from, @Nullable Instant to,
            PageQuery page) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (citizenId != null) {
            conditions.add("citizen_id = ?");
            params.add(citizenId);
        }
        if (from != null) {
            conditions.add("at >= ?");
            params.add(from.atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            conditions.add("at < ?");
            params.add(to.atOffset(ZoneOffset.UTC));
        }
        return page(conditions.isEmpty() ? "true" : String.join(" and ", conditions), params, page);
    }

    @Override
    @Transactional(readOnly = true)
    public Paged<Entry> accessLogOf(UUID citizenId, @Nullable String exceptActor, PageQuery page) {
        Instant twoYearsAgo = clock.instant().atOffset(ZoneOffset.UTC).minusYears(2).toInstant();
        if (exceptActor == null) {
            return page("citizen_id = ? and at >= ?", List.of(citizenId, twoYearsAgo.atOffset(ZoneOffset.UTC)), page);
        }
        return page("citizen_id = ? and at >= ? and actor <> ?",
                List.of(citizenId, twoYearsAgo.atOffset(ZoneOffset.UTC), exceptActor), page);
    }

    private Paged<Entry> page(String where, List<Object> params, PageQuery page) {
        return JdbcPages.page(jdbc, COLUMNS, "identity.audit_log", where, params, "at desc, id desc",
                JdbcAuditLog::entry, page);
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                rs.getString("actor_roles"), rs.getString("actor_municipality"), rs.getObject("citizen_id", UUID.class),
                rs.getString("subject_user"), rs.getString("action"), rs.getString("detail"), rs.getString("client"));
    }
}
