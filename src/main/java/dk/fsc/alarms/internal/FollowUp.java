package dk.fsc.alarms.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dk.fsc.alarms.AlarmKind;
import dk.fsc.citizens.Citizens;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follow-up accountability: for a municipality and a period (Danish days, both included), how
 * many alarms, the time from due to acknowledged and to closed (median and 90th percentile, in
 * minutes), and every alarm that missed the plan's target or is still open past it, so the
 * municipality can show its supervising authority that each was followed up in time. And each
 * citizen's adherence: the share of doses taken on time, per ISO week.
 */
@Component
class FollowUp {

    record Summary(String municipalityCode, LocalDate from, LocalDate to, long alarms, @Nullable Double acknowledgeMedian,
            @Nullable Double acknowledgeP90, @Nullable Double closeMedian, @Nullable Double closeP90,
            List<Late> missedTarget) {
    }

    /** An alarm that missed a target: minutes to acknowledge and to close (null while not done). */
    record Late(UUID alarmId, AlarmKind kind, String serial, OffsetDateTime dueAt, @Nullable Double acknowledgeMinutes,
            @Nullable Double closeMinutes, @Nullable String outcome) {
    }

    /** One ISO week of a citizen's doses. */
    record Week(String week, long due, long takenOnTime, double share) {
    }

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final ResponsePlans plans;
    private final Citizens citizens;
    private final Clock clock;

    FollowUp(JdbcClient jdbc, CurrentUsers users, ResponsePlans plans, Citizens citizens, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.plans = plans;
        this.citizens = citizens;
        this.clock = clock;
    }

    Summary summary(String municipalityCode, @Nullable LocalDate from, @Nullable LocalDate to) {
        CurrentUser user = users.require();
        if (!user.has(Role.FSC_ADMIN) && !municipalityCode.equals(user.municipalityCode())) {
            throw new NotFoundException("No follow-up of municipality " + municipalityCode);
        }
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        LocalDate first = from == null ? today.withDayOfMonth(1) : from;
        LocalDate last = to == null ? today : to;
        if (last.isBefore(first) || first.plusYears(2).isBefore(last)) {
            throw new InvalidInputException("The period is not valid.", List.of(FieldError.of("to", "alarms.error.period")));
        }
        ResponsePlans.Plan plan = plans.of(municipalityCode);
        Object[] period = { municipalityCode, first.atStartOfDay(TimeConfiguration.DANISH_TIME).toOffsetDateTime(),
                last.plusDays(1).atStartOfDay(TimeConfiguration.DANISH_TIME).toOffsetDateTime() };
        String where = " from alarms.alarm where municipality_code = ? and due_at >= ? and due_at < ?";
        Summary counts = jdbc.sql("""
                select count(*),
                    percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - due_at) / 60),
                    percentile_cont(0.9) within group (order by extract(epoch from acknowledged_at - due_at) / 60),
                    percentile_cont(0.5) within group (order by extract(epoch from closed_at - due_at) / 60),
                    percentile_cont(0.9) within group (order by extract(epoch from closed_at - due_at) / 60)
                """ + where).params(period).query((rs, i) -> new Summary(municipalityCode, first, last, rs.getLong(1),
                        (Double) rs.getObject(2), (Double) rs.getObject(3), (Double) rs.getObject(4),
                        (Double) rs.getObject(5), List.of())).single();
        List<Late> late = jdbc.sql("""
                select id, kind, serial, due_at, extract(epoch from acknowledged_at - due_at) / 60 as ack,
                    extract(epoch from closed_at - due_at) / 60 as closed, outcome
                """ + where + """
                 and (coalesce(acknowledged_at, ?) - due_at > ? * interval '1 minute'
                      or coalesce(closed_at, ?) - due_at > ? * interval '1 minute')
                order by due_at
                """).params(period[0], period[1], period[2], AlarmBook.utc(clock.instant()),
                plan.targetAcknowledgeMinutes(), AlarmBook.utc(clock.instant()), plan.targetCloseMinutes())
                .query((rs, i) -> new Late(rs.getObject(1, UUID.class), AlarmKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class).atZoneSameInstant(TimeConfiguration.DANISH_TIME)
                                .toOffsetDateTime(), number(rs.getObject(5)),
                        number(rs.getObject(6)), rs.getString(7)))
                .list();
        return new Summary(municipalityCode, first, last, counts.alarms(), counts.acknowledgeMedian(),
                counts.acknowledgeP90(), counts.closeMedian(), counts.closeP90(), late);
    }

    /** The alarms that missed their target, as CSV (no names, no CPR: alarm, device and times). */
    String csv(Summary summary) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("alarm", "kind", "device",
                "due", "minutes_to_acknowledge", "minutes_to_close", "outcome").get())) {
            for (Late alarm : summary.missedTarget()) {
                printer.printRecord(alarm.alarmId(), alarm.kind(), alarm.serial(), alarm.dueAt(),
                        alarm.acknowledgeMinutes(), alarm.closeMinutes(), alarm.outcome());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The citizen's doses due so far, per ISO week, newest first; for those who may see the citizen. */
    List<Week> adherence(UUID citizenId) {
        citizens.find(citizenId, "alarm.read").orElseThrow(() -> new NotFoundException("No citizen " + citizenId));
        return jdbc.sql("""
                select to_char(d.due_at at time zone 'Europe/Copenhagen', 'IYYY-"W"IW') as week, count(*) as due,
                    count(*) filter (where t.taken_at <= d.grace_until) as on_time
                from alarms.due_dose d left join alarms.dose_taken t on t.serial = d.serial and t.due_at = d.due_at
                where d.citizen_id = ? and d.state <> 'CANCELLED' and d.grace_until <= ?
                group by week order by week desc limit 52
                """).params(citizenId, AlarmBook.utc(clock.instant()))
                .query((rs, i) -> new Week(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(2) == 0 ? 0 : (double) rs.getLong(3) / rs.getLong(2)))
                .list();
    }

    private static @Nullable Double number(@Nullable Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
