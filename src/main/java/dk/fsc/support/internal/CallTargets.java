package dk.fsc.support.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dk.fsc.shared.TimeConfiguration;
import dk.fsc.support.CallService;
import dk.fsc.shared.problem.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The call service targets an administrator sets (e.g. 90 % of calls answered within 60 seconds,
 * under 5 % abandoned) and the figures per day, week or month against them, computed in
 * PostgreSQL over the call records (days in Danish time).
 */
@Service
class CallTargets implements CallService {

    /** The figures of the calls started on the days {@code ?} to {@code ?}, answered in time within {@code ?} seconds (first). */
    private static final String COUNTS = " count(*) as calls, count(answered_at) as answered,"
            + " count(*) filter (where answered_at - started_at <= make_interval(secs => ?)) as in_time,"
            + " count(abandoned_at) as abandoned,"
            + " round(avg(extract(epoch from answered_at - started_at)))::bigint as wait,"
            + " coalesce(round(sum(extract(epoch from answered_at - started_at))), 0)::bigint as wait_sum"
            + " from support.call_record"
            + " where started_at >= (?::date)::timestamp at time zone 'Europe/Copenhagen'"
            + " and started_at < (?::date + 1)::timestamp at time zone 'Europe/Copenhagen'";

    /** Shares in per mille, so that no fraction is ever a double in the database. */
    record Targets(int answeredWithinSeconds, int answeredWithinPermille, int abandonedMaxPermille) {
    }

    enum Unit {
        DAY, WEEK, MONTH
    }

    /** One period's figures; shares in per mille of the calls offered; no average wait when no call was answered. */
    record Figures(LocalDate period, long calls, long answered, long answeredInTime, long abandoned,
            @Nullable Long averageWaitSeconds, int answeredInTimePermille, int abandonedPermille, boolean missedAnswered,
            boolean missedAbandoned) {

        public boolean missed() {
            return missedAnswered || missedAbandoned;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    CallTargets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ContactDesk.DESK)
    public Targets targets() {
        return currentTargets();
    }

    /** Counts only, for the statistics of every role that sees them: no call's caller or agent. */
    @Override
    @Transactional(readOnly = true)
    public CallService.Figures figures(LocalDate from, LocalDate to) {
        Targets targets = currentTargets();
        return jdbc.sql("select" + COUNTS).params(targets.answeredWithinSeconds(), from, to)
                .query((rs, row) -> new CallService.Figures(targets.answeredWithinSeconds(),
                        targets.answeredWithinPermille(), targets.abandonedMaxPermille(), rs.getLong("calls"),
                        rs.getLong("answered"), rs.getLong("in_time"), rs.getLong("abandoned"), rs.getLong("wait_sum")))
                .single();
    }

    private Targets currentTargets() {
        return jdbc.sql("select answered_within_seconds, answered_within_permille, abandoned_max_permille"
                + " from support.settings").query((rs, row) -> new Targets(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .single();
    }

    /** Percentages as typed (whole per cent); seconds from 1 to 3600. */
    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Targets change(@Nullable Integer seconds, @Nullable Integer answeredPercent,
            @Nullable Integer abandonedPercent) {
        List<FieldError> errors = new ArrayList<>();
        if (seconds == null || seconds < 1 || seconds > 3600) {
            errors.add(FieldError.of("seconds", "support.calls.error.seconds"));
        }
        if (answeredPercent == null || answeredPercent < 0 || answeredPercent > 100) {
            errors.add(FieldError.of("answeredPercent", "support.calls.error.percent"));
        }
        if (abandonedPercent == null || abandonedPercent < 0 || abandonedPercent > 100) {
            errors.add(FieldError.of("abandonedPercent", "support.calls.error.percent"));
        }
        ContactDesk.check(errors);
        jdbc.sql("update support.settings set answered_within_seconds = ?, answered_within_permille = ?,"
                + " abandoned_max_permille = ?").params(seconds, answeredPercent * 10, abandonedPercent * 10).update();
        return targets();
    }

    /** The figures per {@code unit} of the periods from {@code from} to {@code to} (Danish days, inclusive). */
    @Transactional(readOnly = true)
    @PreAuthorize(ContactDesk.DESK)
    public List<Figures> figures(Unit unit, LocalDate from, LocalDate to) {
        Targets targets = targets();
        String trunc = unit.name().toLowerCase(Locale.ROOT);
        return jdbc.sql("select date_trunc('" + trunc + "', started_at at time zone 'Europe/Copenhagen')::date as period,"
                + COUNTS + " group by 1 order by 1")
                .params(targets.answeredWithinSeconds(), from, to)
                .query((rs, row) -> {
                    long calls = rs.getLong("calls");
                    long inTime = rs.getLong("in_time");
                    long abandoned = rs.getLong("abandoned");
                    int inTimePermille = (int) (inTime * 1000 / calls);
                    return new Figures(rs.getObject("period", LocalDate.class), calls, rs.getLong("answered"), inTime,
                            abandoned, rs.getObject("wait", Long.class), inTimePermille, (int) (abandoned * 1000 / calls),
                            inTime * 1000 < (long) targets.answeredWithinPermille() * calls,
                            abandoned * 1000 >= (long) targets.abandonedMaxPermille() * calls);
                }).list();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
    }
}
