package dk.fsc.statistics.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IndicatorRepository {

    private static final String COLUMNS = "id, name, unit, period_kind, breakdown, region_code, source, first_period,"
            + " last_period, target, area_order, created_at, created_by";

    private final JdbcClient jdbc;

    IndicatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Indicator indicator) {
        jdbc.sql("insert into statistics.indicator (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(indicator.id(), indicator.name(), indicator.unit(), indicator.periodKind().name(),
                        indicator.breakdown().name(), indicator.regionCode(), indicator.source(),
                        Date.valueOf(indicator.firstPeriod().start()), Date.valueOf(indicator.lastPeriod().start()),
                        indicator.target(), indicator.areaOrder().toArray(String[]::new), Timestamp.from(indicator.createdAt()), indicator.createdBy())
                .update();
    }

    List<Indicator> all() {
        return jdbc.sql("select " + COLUMNS + " from statistics.indicator order by name, source").query(this::indicator)
                .list();
    }

    Optional<Indicator> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from statistics.indicator where id = ?").param(id)
                .query(this::indicator).optional();
    }

    /** Locks the indicator's row, so that two imports of the same indicator run one after the other. */
    Optional<Indicator> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from statistics.indicator where id = ? for update").param(id)
                .query(this::indicator).optional();
    }

    List<IndicatorValue> values(Indicator indicator) {
        return jdbc.sql("""
                select area, period_start, value, incomplete, note from statistics.indicator_value
                where indicator_id = ? order by period_start, area""")
                .param(indicator.id())
                .query((rs, row) -> new IndicatorValue(rs.getString("area"),
                        new Period(indicator.periodKind(), rs.getDate("period_start").toLocalDate()),
                        rs.getLong("value"), rs.getBoolean("incomplete"), rs.getString("note")))
                .list();
    }

    /** Saves a value, replacing the area's value of the period if there is one. */
    void save(UUID indicatorId, IndicatorValue value, Instant at, String by) {
        jdbc.sql("""
                insert into statistics.indicator_value
                    (indicator_id, area, period_start, value, incomplete, note, registered_at, registered_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (indicator_id, area, period_start) do update set value = excluded.value,
                    incomplete = excluded.incomplete, note = excluded.note,
                    registered_at = excluded.registered_at, registered_by = excluded.registered_by""")
                .params(indicatorId, value.area(), Date.valueOf(value.period().start()), value.value(),
                        value.incomplete(), value.note(), Timestamp.from(at), by)
                .update();
    }

    private Indicator indicator(ResultSet rs, int row) throws SQLException {
        Period.Kind kind = Period.Kind.valueOf(rs.getString("period_kind"));
        return new Indicator(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("unit"), kind,
                Indicator.Breakdown.valueOf(rs.getString("breakdown")), rs.getString("region_code"),
                rs.getString("source"), new Period(kind, rs.getDate("first_period").toLocalDate()),
                new Period(kind, rs.getDate("last_period").toLocalDate()), rs.getObject("target", Long.class),
                List.of((String[]) rs.getArray("area_order").getArray()),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
