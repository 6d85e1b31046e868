package dk.fsc.alarms.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import dk.fsc.alarms.DosesCounted;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.TimeConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts each municipality's doses of the days that are over (the last {@link #DAYS_BACK} days
 * not counted yet) and publishes one {@link DosesCounted} per municipality and day, in the
 * transaction that records the day in {@code alarms.doses_counted}: a day counted is never
 * counted or published again. Run nightly by the job {@code doses-counted}, after the
 * longest grace (four hours) of the day before has run out.
 */
@Component
class DoseCounts {

    static final int DAYS_BACK = 7;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DoseCounts(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Returns how many municipality-days were published. */
    @Transactional
    int publish() {
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        LocalDate first = today.minusDays(DAYS_BACK);
        List<DosesCounted> counted = jdbc.sql("""
                with days as (
                    select d::date as day from generate_series(?::date, ?::date - 1, interval '1 day') d
                    where not exists (select 1 from alarms.doses_counted c where c.day = d::date)
                ), counted as (
                    select d.municipality_code, (d.due_at at time zone 'Europe/Copenhagen')::date as day, count(*) as due,
                        count(*) filter (where d.state = 'TAKEN') as taken, count(*) filter (where d.state = 'MISSED') as missed
                    from alarms.due_dose d
                    where d.due_at >= (?::date)::timestamp at time zone 'Europe/Copenhagen'
                      and d.due_at < (?::date)::timestamp at time zone 'Europe/Copenhagen' and d.state <> 'CANCELLED'
                    group by 1, 2
                )
                insert into alarms.doses_counted (municipality_code, day, due, taken, missed, counted_at)
                select c.municipality_code, c.day, c.due, c.taken, c.missed, ? from counted c join days using (day)
                on conflict do nothing
                returning municipality_code, day, due, taken, missed, counted_at""")
                .params(first, today, first, today, AlarmBook.utc(clock.instant()))
                .query((rs, n) -> new DosesCounted(new MunicipalityCode(rs.getString(1)), rs.getObject(2, LocalDate.class),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5), AlarmBook.instant(rs, "counted_at")))
                .list();
        counted.forEach(events::publishEvent);
        return counted.size();
    }
}
