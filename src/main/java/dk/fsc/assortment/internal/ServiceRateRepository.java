package dk.fsc.assortment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.assortment.RateOn;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Service rates are only ever added, like prices. */
@Repository
class ServiceRateRepository {

    private final JdbcClient jdbc;

    ServiceRateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The kind's unit and whether it is set per device model. */
    record Kind(String code, String unit, boolean perModel) {
    }

    Optional<Kind> kind(String code) {
        return jdbc.sql("select code, unit, per_model from assortment.service_rate_kind where code = ?").param(code)
                .query((rs, n) -> new Kind(rs.getString(1), rs.getString(2), rs.getBoolean(3))).optional();
    }

    List<String> kinds() {
        return jdbc.sql("select code from assortment.service_rate_kind order by position").query(String.class).list();
    }

    /** Each kind's (and each device model's) rate valid on {@code date}, in the kinds' order. */
    List<ServiceRate> ratesOn(LocalDate date) {
        return jdbc.sql("select * from (select distinct on (r.kind, r.product_id) r.kind, k.unit, k.position,"
                + " r.product_id, p.name as product_name, r.valid_from, r.amount_ore, r.demo_figure"
                + " from assortment.service_rate r join assortment.service_rate_kind k on k.code = r.kind"
                + " left join assortment.product p on p.id = r.product_id where r.valid_from <= ?"
                + " order by r.kind, r.product_id, r.valid_from desc) current order by position, product_name")
                .param(date)
                .query((rs, n) -> new ServiceRate(rs.getString("kind"), rs.getString("unit"),
                        rs.getObject("product_id", UUID.class), rs.getString("product_name"),
                        rs.getObject("valid_from", LocalDate.class), rs.getLong("amount_ore"),
                        rs.getBoolean("demo_figure")))
                .list();
    }

    /** The rate of the kind (and device model) valid on {@code date}. */
    Optional<RateOn> rateOn(String kind, @Nullable UUID productId, LocalDate date) {
        return jdbc.sql("select r.kind, k.unit, r.valid_from, r.amount_ore from assortment.service_rate r"
                + " join assortment.service_rate_kind k on k.code = r.kind where r.kind = ?"
                + " and r.product_id is not distinct from ? and r.valid_from <= ? order by r.valid_from desc limit 1")
                .params(kind, productId, date)
                .query((rs, n) -> new RateOn(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getLong(4)))
                .optional();
    }

    /** False when the kind (and model) has a rate from that date already. */
    boolean insert(String kind, @Nullable UUID productId, LocalDate validFrom, long amountOre, boolean demoFigure,
            Instant at, String by) {
        return jdbc.sql("insert into assortment.service_rate (kind, product_id, valid_from, amount_ore, demo_figure,"
                + " recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(kind, productId, validFrom, amountOre, demoFigure, at.atOffset(ZoneOffset.UTC), by)
                .update() == 1;
    }
}
