package dk.fsc.warehouse.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.orders.DeliveryFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The orders the warehouse fulfils, what each line was promised from, and what no lot covered. */
@Repository
class FulfilmentRepository {

    enum Status {
        TO_PICK, PICKED, SHIPPED, DELIVERED
    }

    record Fulfilment(UUID orderId, UUID citizenId, String municipalityCode, String paidBy, LocalDate deliveryDate,
            String postalCode, String city, Status status, Instant acceptedAt, @Nullable String carrier,
            @Nullable String trackingNumber, @Nullable Instant shippedAt, @Nullable Instant deliveredAt) {
    }

    /** A line of the pick list: what to take from where, and how much of it is picked. */
    record PickLine(int line, UUID productId, String lot, LocalDate expiry, String locationCode, String zone,
            String aisle, String shelf, String bin, int walkingOrder, int quantity, int picked) {

        public int remaining() {
            return quantity - picked;
        }
    }

    record Backorder(int line, UUID productId, int missing) {
    }

    /** An order to pick, for the start page. */
    record ToPick(UUID orderId, LocalDate deliveryDate, String postalCode, String city, int lines, int units,
            int picked, int missing) {
    }

    private static final String COLUMNS = "order_id, citizen_id, municipality_code, paid_by, delivery_date,"
            + " postal_code, city, status, accepted_at, carrier, tracking_number, shipped_at, delivered_at";

    private final JdbcClient jdbc;

    FulfilmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the order is known already: a second delivery of its event. */
    boolean insertIfNew(DeliveryFacts facts, LocalDate deliveryDate, Instant acceptedAt) {
        return jdbc.sql("insert into warehouse.fulfilment (order_id, citizen_id, municipality_code, paid_by,"
                + " delivery_date, postal_code, city, status, accepted_at) values (?, ?, ?, ?, ?, ?, ?, 'TO_PICK', ?)"
                + " on conflict (order_id) do nothing")
                .params(facts.orderId().value(), facts.citizenId().value(), facts.municipality().value(),
                        facts.paidBy().value(), deliveryDate, facts.deliveryAddress().postalCode(),
                        facts.deliveryAddress().city(), Timestamp.from(acceptedAt))
                .update() == 1;
    }

    void reserve(UUID orderId, int line, StockRepository.StockRow row, int quantity) {
        jdbc.sql("insert into warehouse.reservation (order_id, line, product_id, lot, location_code, quantity)"
                + " values (?, ?, ?, ?, ?, ?)")
                .params(orderId, line, row.productId(), row.lot(), row.locationCode(), quantity).update();
    }

    void backorder(UUID orderId, int line, UUID productId, int missing) {
        jdbc.sql("insert into warehouse.backorder (order_id, line, product_id, missing) values (?, ?, ?, ?)")
                .params(orderId, line, productId, missing).update();
    }

    Optional<Fulfilment> find(UUID orderId) {
        return jdbc.sql("select " + COLUMNS + " from warehouse.fulfilment where order_id = ?").param(orderId)
                .query(FulfilmentRepository::fulfilment).optional();
    }

    Optional<Fulfilment> findForUpdate(UUID orderId) {
        return jdbc.sql("select " + COLUMNS + " from warehouse.fulfilment where order_id = ? for update")
                .param(orderId).query(FulfilmentRepository::fulfilment).optional();
    }

    /** The pick list in walking order of the locations. */
    List<PickLine> pickList(UUID orderId) {
        return jdbc.sql("select r.line, r.product_id, r.lot, s.expiry, r.location_code, l.zone, l.aisle, l.shelf,"
                + " l.bin, l.walking_order, r.quantity, r.picked from warehouse.reservation r"
                + " join warehouse.stock s on s.product_id = r.product_id and s.lot = r.lot"
                + " and s.location_code = r.location_code join warehouse.location l on l.code = r.location_code"
                + " where r.order_id = ? order by l.walking_order, r.line, r.lot")
                .param(orderId).query(PickLine.class).list();
    }

    List<Backorder> backorders(UUID orderId) {
        return jdbc.sql("select line, product_id, missing from warehouse.backorder where order_id = ? order by line")
                .param(orderId).query(Backorder.class).list();
    }

    void picked(UUID orderId, PickLine line, int quantity) {
        jdbc.sql("update warehouse.reservation set picked = picked + ? where order_id = ? and line = ?"
                + " and product_id = ? and lot = ? and location_code = ?")
                .params(quantity, orderId, line.line(), line.productId(), line.lot(), line.locationCode()).update();
    }

    void status(UUID orderId, Status status) {
        jdbc.sql("update warehouse.fulfilment set status = ? where order_id = ?").params(status.name(), orderId)
                .update();
    }

    void shipped(UUID orderId, String carrier, String trackingNumber, Instant at) {
        jdbc.sql("update warehouse.fulfilment set status = 'SHIPPED', carrier = ?, tracking_number = ?, shipped_at = ?"
                + " where order_id = ?").params(carrier, trackingNumber, Timestamp.from(at), orderId).update();
    }

    void delivered(UUID orderId, Instant at) {
        jdbc.sql("update warehouse.fulfilment set status = 'DELIVERED', delivered_at = ? where order_id = ?")
                .params(Timestamp.from(at), orderId).update();
    }

    /** Orders still to pick, earliest delivery first. */
    List<ToPick> toPick() {
        return jdbc.sql("select f.order_id, f.delivery_date, f.postal_code, f.city,"
                + " (select count(distinct r.line) from warehouse.reservation r where r.order_id = f.order_id) as lines,"
                + " (select coalesce(sum(r.quantity), 0) from warehouse.reservation r where r.order_id = f.order_id)"
                + " as units,"
                + " (select coalesce(sum(r.picked), 0) from warehouse.reservation r where r.order_id = f.order_id)"
                + " as picked,"
                + " (select coalesce(sum(b.missing), 0) from warehouse.backorder b where b.order_id = f.order_id)"
                + " as missing"
                + " from warehouse.fulfilment f where f.status in ('TO_PICK', 'PICKED')"
                + " order by f.delivery_date, f.accepted_at limit 200")
                .query(ToPick.class).list();
    }

    private static Fulfilment fulfilment(ResultSet rs, int row) throws SQLException {
        return new Fulfilment(rs.getObject("order_id", UUID.class), rs.getObject("citizen_id", UUID.class),
                rs.getString("municipality_code"), rs.getString("paid_by"), rs.getObject("delivery_date",
                        LocalDate.class), rs.getString("postal_code"), rs.getString("city"),
                Status.valueOf(rs.getString("status")), instant(rs, "accepted_at"), rs.getString("carrier"),
                rs.getString("tracking_number"), nullableInstant(rs, "shipped_at"), nullableInstant(rs,
                        "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
