package dk.fsc.assortment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.fsc.assortment.ContractDiscount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Prices are only ever added, never changed or deleted. */
@Repository
class PriceRepository {

    private final JdbcClient jdbc;

    PriceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first. */
    List<Price> prices(UUID productId) {
        return jdbc.sql("select valid_from, price_ore, source, recorded_at, recorded_by from assortment.price"
                + " where product_id = ? order by valid_from desc").param(productId)
                .query((rs, n) -> new Price(rs.getObject("valid_from", LocalDate.class), rs.getLong("price_ore"),
                        rs.getString("source"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        rs.getString("recorded_by")))
                .list();
    }

    /** The largest discount of a contract valid on {@code date} covering the product's supplier and area. */
    Optional<ContractDiscount> discountOn(UUID productId, LocalDate date) {
        return jdbc.sql("select c.id, c.tender_reference, c.valid_from, c.discount_percent from assortment.product p"
                + " join assortment.contract c on c.supplier_id = p.supplier_id"
                + " join assortment.contract_area a on a.contract_id = c.id and a.area_code = p.area_code"
                + " where p.id = ? and c.valid_from <= ? and c.valid_to >= ?"
                + " order by c.discount_percent desc, c.valid_from desc limit 1")
                .params(productId, date, date)
                .query((rs, n) -> new ContractDiscount(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4)))
                .optional();
    }

    OptionalLong priceOn(UUID productId, LocalDate date) {
        return jdbc.sql("select price_ore from assortment.price where product_id = ? and valid_from <= ?"
                + " order by valid_from desc limit 1").params(productId, date).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** The price in øre each of the products has on {@code date}; products without one are left out. */
    Map<UUID, Long> pricesOn(Collection<UUID> productIds, LocalDate date) {
        return jdbc.sql("select distinct on (product_id) product_id, price_ore from assortment.price"
                + " where product_id = any(?) and valid_from <= ? order by product_id, valid_from desc")
                .params(productIds.toArray(UUID[]::new), date)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    record Key(UUID productId, LocalDate validFrom) {
    }

    record NewPrice(UUID productId, LocalDate validFrom, long priceOre) {

        Key key() {
            return new Key(productId, validFrom);
        }
    }

    /** The prices of a supplier's products valid from a day after {@code today}, in øre. */
    Map<Key, Long> futurePrices(UUID supplierId, LocalDate today) {
        return jdbc.sql("select p.product_id, p.valid_from, p.price_ore from assortment.price p"
                + " join assortment.product product on product.id = p.product_id"
                + " where product.supplier_id = ? and p.valid_from > ?").params(supplierId, today)
                .query((rs, n) -> new NewPrice(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getLong(3)))
                .list().stream().collect(Collectors.toMap(NewPrice::key, NewPrice::priceOre));
    }

    Optional<Long> priceFrom(Key key) {
        return jdbc.sql("select price_ore from assortment.price where product_id = ? and valid_from = ?")
                .params(key.productId(), key.validFrom()).query(Long.class).optional();
    }

    /** Adds the prices in one statement; false when a price for one of the products and dates exists already. */
    boolean insertAll(Collection<NewPrice> prices, String source, Instant at, String by) {
        int inserted = jdbc.sql("insert into assortment.price (product_id, valid_from, price_ore, source, recorded_at,"
                + " recorded_by) select product_id, valid_from, price_ore, ?, ?, ?"
                + " from unnest(?::uuid[], ?::date[], ?::bigint[]) as new(product_id, valid_from, price_ore)"
                + " on conflict (product_id, valid_from) do nothing")
                .params(source, at.atOffset(ZoneOffset.UTC), by,
                        prices.stream().map(NewPrice::productId).toArray(UUID[]::new),
                        prices.stream().map(price -> price.validFrom().toString()).toArray(String[]::new),
                        prices.stream().map(NewPrice::priceOre).toArray(Long[]::new))
                .update();
        return inserted == prices.size();
    }
}
