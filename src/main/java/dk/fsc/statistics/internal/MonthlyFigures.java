package dk.fsc.statistics.internal;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The monthly pre-aggregates that the projections keep in the transaction that writes a fact. */
@Component
class MonthlyFigures {

    private final JdbcClient jdbc;

    MonthlyFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds (sign 1) or takes back (sign -1) a fact's lines of {@code statistics.fact_figure} to its month's pre-aggregates. */
    void add(String kind, UUID factId, int sign) {
        jdbc.sql("""
                insert into statistics.monthly_figure (municipality, month, metric, value)
                select municipality, date_trunc('month', day)::date, metric, sum(value) * ?
                from statistics.fact_figure where kind = ? and fact_id = ? group by 1, 2, 3
                on conflict (month, municipality, metric) do update set value = statistics.monthly_figure.value + excluded.value""")
                .params(sign, kind, factId).update();
    }
}
