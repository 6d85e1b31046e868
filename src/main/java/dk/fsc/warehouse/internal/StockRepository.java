package dk.fsc.warehouse.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Locations, stock rows and the ledger; each change of a stock row writes its ledger entry. */
@Repository
class StockRepository {

    record Location(String code, String zone, String aisle, String shelf, String bin, int walkingOrder) {
    }

    /** One lot of a product at one location. */
    record StockRow(String locationCode, UUID productId, String lot, LocalDate expiry, int onHand, int reserved) {

        int available() {
            return onHand - reserved;
        }
    }

    record LedgerEntry(long id, Instant at, String by, String kind, UUID productId, String lot, String locationCode,
            int quantity, String reason, String document) {
    }

    /** Who moved stock, when, why and for which document (a receipt, an order, an adjustment). */
    record Movement(Instant at, String by, String reason, String document) {
    }

    private final JdbcClient jdbc;

    StockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Location> locations() {
        return jdbc.sql("select code, zone, aisle, shelf, bin, walking_order from warehouse.location"
                + " order by walking_order").query(Location.class).list();
    }

    Optional<Location> location(String code) {
        return jdbc.sql("select code, zone, aisle, shelf, bin, walking_order from warehouse.location where code = ?")
                .param(code).query(Location.class).optional();
    }

    /** False when the code or the walking order is taken. */
    boolean addLocation(Location location) {
        return jdbc.sql("insert into warehouse.location (code, zone, aisle, shelf, bin, walking_order)"
                + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(location.code(), location.zone(), location.aisle(), location.shelf(), location.bin(),
                        location.walkingOrder())
                .update() == 1;
    }

    /** The rows of {@code productId} (of every product when null), first expiry first, then by walking order. */
    List<StockRow> stock(UUID productId) {
        return jdbc.sql("select s.location_code, s.product_id, s.lot, s.expiry, s.on_hand, s.reserved"
                + " from warehouse.stock s join warehouse.location l on l.code = s.location_code"
                + " where s.product_id = ? order by s.expiry, l.walking_order, s.lot")
                .param(productId).query(StockRow.class).list();
    }

    /** Every product's lots in stock, by product, then first expiry first. */
    List<StockRow> allStock() {
        return jdbc.sql("select s.location_code, s.product_id, s.lot, s.expiry, s.on_hand, s.reserved"
                + " from warehouse.stock s join warehouse.location l on l.code = s.location_code"
                + " where s.on_hand > 0 order by s.product_id, s.expiry, l.walking_order, s.lot")
                .query(StockRow.class).list();
    }

    /**
     * The rows of {@code productId} with something available, of lots expiring on or after
     * {@code usableUntil}, first expiry first; locked, so that two reservations take turns.
     */
    List<StockRow> availableForUpdate(UUID productId, LocalDate usableUntil) {
        return jdbc.sql("select s.location_code, s.product_id, s.lot, s.expiry, s.on_hand, s.reserved"
                + " from warehouse.stock s join warehouse.location l on l.code = s.location_code"
                + " where s.product_id = ? and s.expiry >= ? and s.on_hand > s.reserved and not exists"
                + " (select 1 from warehouse.recall r where r.product_id = s.product_id and r.lot = s.lot)"
                + " order by s.expiry, l.walking_order, s.lot for update of s")
                .params(productId, usableUntil).query(StockRow.class).list();
    }

    Optional<StockRow> rowForUpdate(UUID productId, String lot, String locationCode) {
        return jdbc.sql("select location_code, product_id, lot, expiry, on_hand, reserved from warehouse.stock"
                + " where product_id = ? and lot = ? and location_code = ? for update")
                .params(productId, lot, locationCode).query(StockRow.class).optional();
    }

    boolean recalled(UUID productId, String lot) {
        return jdbc.sql("select exists (select 1 from warehouse.recall where product_id = ? and lot = ?)")
                .params(productId, lot).query(Boolean.class).single();
    }

    /** The expiry a lot of {@code productId} was received with, wherever it lies. */
    Optional<LocalDate> expiryOf(UUID productId, String lot) {
        return jdbc.sql("select expiry from warehouse.stock where product_id = ? and lot = ? limit 1")
                .params(productId, lot).query(LocalDate.class).optional();
    }

    void receive(String locationCode, UUID productId, String lot, LocalDate expiry, int quantity, Movement movement) {
        receive("RECEIPT", locationCode, productId, lot, expiry, quantity, movement);
    }

    /** Goods put on a shelf: a {@code RECEIPT} from a supplier or a {@code RETURN} from a citizen. */
    void receive(String kind, String locationCode, UUID productId, String lot, LocalDate expiry, int quantity,
            Movement movement) {
        jdbc.sql("insert into warehouse.stock (location_code, product_id, lot, expiry, on_hand, reserved)"
                + " values (?, ?, ?, ?, ?, 0) on conflict (product_id, lot, location_code)"
                + " do update set on_hand = warehouse.stock.on_hand + excluded.on_hand")
                .params(locationCode, productId, lot, expiry, quantity).update();
        write(kind, productId, lot, locationCode, quantity, movement);
    }

    /** Returned units that never reach a shelf: written to the ledger only. */
    void scrap(UUID productId, String lot, int quantity, Movement movement) {
        write("SCRAP", productId, lot, Returns.SCRAP_LOCATION, quantity, movement);
    }

    /** Changes on hand by {@code delta} (a pick or an adjustment) and reserved by {@code reservedDelta}. */
    void change(String kind, StockRow row, int delta, int reservedDelta, Movement movement) {
        jdbc.sql("update warehouse.stock set on_hand = on_hand + ?, reserved = reserved + ?"
                + " where product_id = ? and lot = ? and location_code = ?")
                .params(delta, reservedDelta, row.productId(), row.lot(), row.locationCode()).update();
        write(kind, row.productId(), row.lot(), row.locationCode(),
                kind.equals("RESERVE") || kind.equals("RECALL") ? reservedDelta : delta, movement);
    }

    private void write(String kind, UUID productId, String lot, String locationCode, int quantity, Movement movement) {
        jdbc.sql("insert into warehouse.ledger_entry (at, by_user, kind, product_id, lot, location_code, quantity,"
                + " reason, document) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(movement.at()), movement.by(), kind, productId, lot, locationCode, quantity, movement.reason(),
                        movement.document())
                .update();
    }

    /** The ledger of a product, or of one of its lots, newest first. */
    List<LedgerEntry> ledger(UUID productId, @Nullable String lot, int limit) {
        return jdbc.sql("select id, at, by_user as by, kind, product_id, lot, location_code, quantity, reason, document"
                + " from warehouse.ledger_entry where product_id = ? and (cast(? as text) is null or lot = ?)"
                + " order by id desc limit ?")
                .params(productId, lot, lot, limit)
                .query((rs, n) -> new LedgerEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("by"),
                        rs.getString("kind"), rs.getObject("product_id", UUID.class), rs.getString("lot"),
                        rs.getString("location_code"), rs.getInt("quantity"), rs.getString("reason"),
                        rs.getString("document")))
                .list();
    }
}
