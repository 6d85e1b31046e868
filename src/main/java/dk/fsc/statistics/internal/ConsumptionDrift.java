package dk.fsc.statistics.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.grants.GrantedLine;
import dk.fsc.grants.Grants;
import dk.fsc.grants.LimitPeriod;
import dk.fsc.jobs.Job;
import dk.fsc.jobs.Tick;
import dk.fsc.shared.TimeConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Consumption drift: each morning, every granted product line in force is compared with what
 * the citizen was delivered of that product in the line's last three whole limit periods.
 * Under half the granted quantity in all three is over-granted; the granted quantity reached in
 * at least two of them is under-granted. The job replaces the flags, which the caseworker's
 * work list shows with the figures, so the grant is reviewed. Lines granted by area or group are
 * not compared (a delivered product's area is the assortment's, not the grant's, to decide).
 */
@Component
class ConsumptionDrift implements Job {

    static final String NAME = "statistics-consumption-drift";
    static final int PERIODS = 3;

    enum Kind { OVER_GRANTED, UNDER_GRANTED }

    private final JdbcClient jdbc;
    private final Grants grants;

    ConsumptionDrift(JdbcClient jdbc, Grants grants) {
        this.jdbc = jdbc;
        this.grants = grants;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String schedule() {
        return "0 30 5 * * *";
    }

    /** The rule: null when consumption follows the grant. */
    static @Nullable Kind drift(int granted, int[] consumed) {
        boolean allWellUnder = true;
        int atLimit = 0;
        for (int used : consumed) {
            allWellUnder &= used * 2 < granted;
            atLimit += used >= granted ? 1 : 0;
        }
        return allWellUnder ? Kind.OVER_GRANTED : atLimit >= 2 ? Kind.UNDER_GRANTED : null;
    }

    /** The three whole periods before the one {@code today} is in, oldest first. */
    static List<LimitPeriod.Range> lastPeriods(LimitPeriod period, LocalDate today) {
        List<LimitPeriod.Range> ranges = new ArrayList<>();
        LocalDate before = period.containing(today).from().minusDays(1);
        for (int i = 0; i < PERIODS; i++) {
            LimitPeriod.Range range = period.containing(before);
            ranges.addFirst(range);
            before = range.from().minusDays(1);
        }
        return ranges;
    }

    @Override
    public void run(Tick tick) {
        LocalDate today = LocalDate.ofInstant(tick.now(), TimeConfiguration.DANISH_TIME);
        jdbc.sql("delete from statistics.consumption_drift").update();
        List<UUID> citizens = jdbc.sql("""
                select distinct citizen_id from statistics.grant_fact
                where made_on <= ? and (ends_on is null or ends_on > ?)""")
                .params(Date.valueOf(today), Date.valueOf(today)).query(UUID.class).list();
        for (UUID citizen : citizens) {
            for (GrantedLine line : grants.inForce(new CitizenId(citizen), today)) {
                List<LimitPeriod.Range> periods = lastPeriods(line.period(), today);
                if (line.productId() == null || line.grantValidFrom().isAfter(periods.getFirst().from())) {
                    continue;
                }
                int[] consumed = new int[PERIODS];
                for (int i = 0; i < PERIODS; i++) {
                    consumed[i] = jdbc.sql("""
                            select coalesce(sum(quantity), 0) from statistics.delivered_line
                            where citizen_id = ? and product_id = ? and delivered_on between ? and ?""")
                            .params(citizen, line.productId().value(), Date.valueOf(periods.get(i).from()),
                                    Date.valueOf(periods.get(i).to()))
                            .query(Integer.class).single();
                }
                Kind kind = drift(line.quantity(), consumed);
                if (kind != null) {
                    jdbc.sql("""
                            insert into statistics.consumption_drift (citizen_id, line_id, municipality, product_id, kind,
                                granted, period, first_period, consumed, computed_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict do nothing""")
                            .params(citizen, line.lineId(), line.paidBy().value(), line.productId().value(), kind.name(),
                                    line.quantity(), line.period().name(), Date.valueOf(periods.getFirst().from()),
                                    consumed, Date.valueOf(today))
                            .update();
                }
            }
        }
    }
}
