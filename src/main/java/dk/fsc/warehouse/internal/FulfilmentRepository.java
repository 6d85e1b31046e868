package dk.fsc.warehouse.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.orders.DeliveryFacts;
import dk.fsc.orders.OrderLine;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The orders the warehouse fulfils, what each line was promised from, and what no lot covered. */
@Repository
class FulfilmentRepository {

    enum Status {
        TO_PICK, PICKED, SHIPPED, DELIVERED, STOPPED, CANCELLED
    }

    record Fulfilment(UUID orderId, UUID citizenId, String municipalityCode, String paidBy, LocalDate deliveryDate,
            String postalCode, String city, Status status, Instant acceptedAt, @Nullable String carrier,
            @Nullable String trackingNumber, @Nullable Instant shippedAt, @Nullable Instant deliveredAt,
            @Nullable String recipientName, @Nullable String street, @Nullable UUID shipmentId, int failedAttempts) {
    }

    /** A line of the pick list: what to take from where, and how much of it is picked. */
    record PickLine(int line, UUID productId, String lot, LocalDate expiry, String locationCode, String zone,
            String aisle, String shelf, String bin, int walkingOrder, int quantity, int picked) {

        public int remaining() {
            return quantity - picked;
        }
    }

    record Backorder(UUID orderId, int line, UUID productId, int missing) {
    }

    /** An order to pick, for the start page. */
    record ToPick(UUID orderId, LocalDate deliveryDate, String postalCode, String city, int lines, int units,
            int picked, int missing) {
    }

    /** A baseplate to cut to a hole size before packing; {@code cutAt} is set once the cutter confirmed it. */
    record CuttingTask(UUID orderId, int line, UUID productId, int diameterMm, int quantity,
            @Nullable Instant cutAt, @Nullable String cutBy) {
    }

    /** What the carrier reported about a shipment. */
    record CarrierEvent(String carrierEventId, UUID shipmentId, String type, Instant occurredAt, @Nullable String note) {
    }

    /** A shipment the carrier failed to deliver twice or more: an agent calls the citizen. */
    record ToCall(UUID orderId, UUID citizenId, String postalCode, String city, String carrier, String trackingNumber,
            int failedAttempts) {
    }

    private static final String COLUMNS = "order_id, citizen_id, municipality_code, paid_by, delivery_date,"
            + " postal_code, city, status, accepted_at, carrier, tracking_number, shipped_at, delivered_at,"
            + " recipient_name, street, shipment_id, failed_attempts";

    private final JdbcClient jdbc;

    FulfilmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds the order (until the transaction ends) against its other event's listener: its
     * acceptance and its cancellation may be handled at the same time, on two instances too.
     */
    void lockOrder(UUID orderId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 12))").param(orderId.toString())
                .query((rs, row) -> 1).single();
    }

    /** The order was cancelled before the warehouse knew it: its acceptance, if it comes, reserves nothing. */
    void cancelledBeforeAccepted(UUID orderId, Instant at) {
        jdbc.sql("insert into warehouse.cancelled_order (order_id, cancelled_at) values (?, ?) on conflict do nothing")
                .params(orderId, Timestamp.from(at)).update();
    }

    boolean cancelledBeforeAccepted(UUID orderId) {
        return jdbc.sql("select exists (select 1 from warehouse.cancelled_order where order_id = ?)").param(orderId)
                .query(Boolean.class).single();
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

    void recipient(UUID orderId, @Nullable String name, String street) {
        jdbc.sql("update warehouse.fulfilment set recipient_name = ?, street = ? where order_id = ?")
                .params(name, street, orderId).update();
    }

    void cuttingTask(UUID orderId, int line, OrderLine orderLine) {
        jdbc.sql("insert into warehouse.cutting_task (order_id, line, product_id, diameter_mm, quantity)"
                + " values (?, ?, ?, ?, ?)")
                .params(orderId, line, orderLine.productId().value(), orderLine.holeDiameterMm(), orderLine.quantity())
                .update();
    }

    List<CuttingTask> cuttingTasks(UUID orderId) {
        return jdbc.sql("select order_id, line, product_id, diameter_mm, quantity, cut_at, cut_by"
                + " from warehouse.cutting_task where order_id = ? order by line").param(orderId)
                .query(CuttingTask.class).list();
    }

    /** Cutting tasks not yet done of orders still in the warehouse, earliest delivery first. */
    List<CuttingTask> openCuttingTasks() {
        return jdbc.sql("select t.order_id, t.line, t.product_id, t.diameter_mm, t.quantity, t.cut_at, t.cut_by"
                + " from warehouse.cutting_task t join warehouse.fulfilment f on f.order_id = t.order_id"
                + " where t.cut_at is null and f.status in ('TO_PICK', 'PICKED')"
                + " order by f.delivery_date, f.accepted_at, t.line limit 200")
                .query(CuttingTask.class).list();
    }

    /** False when the task was cut already. */
    boolean cut(UUID orderId, int line, String by, Instant at) {
        return jdbc.sql("update warehouse.cutting_task set cut_at = ?, cut_by = ? where order_id = ? and line = ?"
                + " and cut_at is null").params(Timestamp.from(at), by, orderId, line).update() == 1;
    }

    long nextTrackingNumber() {
        return jdbc.sql("select nextval('warehouse.tracking_number_seq')").query(Long.class).single();
    }

    void reserve(UUID orderId, int line, StockRepository.StockRow row, int quantity) {
        jdbc.sql("insert into warehouse.reservation (order_id, line, product_id, lot, location_code, quantity)"
                + " values (?, ?, ?, ?, ?, ?) on conflict (order_id, line, product_id, lot, location_code)"
                + " do update set quantity = warehouse.reservation.quantity + excluded.quantity")
                .params(orderId, line, row.productId(), row.lot(), row.locationCode(), quantity).update();
    }

    void backorder(UUID orderId, int line, UUID productId, int missing) {
        jdbc.sql("insert into warehouse.backorder (order_id, line, product_id, missing) values (?, ?, ?, ?)"
                + " on conflict (order_id, line) do update set missing = warehouse.backorder.missing + excluded.missing")
                .params(orderId, line, productId, missing).update();
    }

    /** The shortage list of a product, oldest order first, locked. */
    List<Backorder> shortagesForUpdate(UUID productId) {
        return jdbc.sql("select b.order_id, b.line, b.product_id, b.missing from warehouse.backorder b"
                + " join warehouse.fulfilment f on f.order_id = b.order_id where b.product_id = ?"
                + " and f.status = 'TO_PICK' order by f.accepted_at, b.order_id, b.line for update of b")
                .param(productId).query(Backorder.class).list();
    }

    void deleteBackorder(UUID orderId, int line) {
        jdbc.sql("delete from warehouse.backorder where order_id = ? and line = ?").params(orderId, line).update();
    }

    /** Cancelled: its reservations (already released on the stock rows) and shortages go. */
    void cancel(UUID orderId) {
        jdbc.sql("delete from warehouse.backorder where order_id = ?").param(orderId).update();
        jdbc.sql("delete from warehouse.cutting_task where order_id = ?").param(orderId).update();
        jdbc.sql("delete from warehouse.reservation where order_id = ?").param(orderId).update();
        jdbc.sql("update warehouse.fulfilment set status = 'CANCELLED' where order_id = ?").param(orderId).update();
    }

    Optional<Fulfilment> find(UUID orderId) {
        return jdbc.sql("select " + COLUMNS + " from warehouse.fulfilment where order_id = ?").param(orderId)
                .query(FulfilmentRepository::fulfilment).optional();
    }

    Optional<Fulfilment> findShipmentForUpdate(UUID shipmentId) {
        return jdbc.sql("select " + COLUMNS + " from warehouse.fulfilment where shipment_id = ? for update")
                .param(shipmentId).query(FulfilmentRepository::fulfilment).optional();
    }

    Optional<Fulfilment> findByTrackingNumberForUpdate(String trackingNumber) {
        return jdbc.sql("select " + COLUMNS + " from warehouse.fulfilment where tracking_number = ? for update")
                .param(trackingNumber).query(FulfilmentRepository::fulfilment).optional();
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
        return jdbc.sql("select order_id, line, product_id, missing from warehouse.backorder where order_id = ?"
                + " order by line")
                .param(orderId).query(Backorder.class).list();
    }

    void picked(UUID orderId, PickLine line, int quantity) {
        jdbc.sql("update warehouse.reservation set picked = picked + ? where order_id = ? and line = ?"
                + " and product_id = ? and lot = ? and location_code = ?")
                .params(quantity, orderId, line.line(), line.productId(), line.lot(), line.locationCode()).update();
    }

    /** {@code quantity} of the line no longer promised from its lot and location; a reservation of nothing goes. */
    void unreserve(UUID orderId, PickLine line, int quantity) {
        jdbc.sql("delete from warehouse.reservation where order_id = ? and line = ? and product_id = ? and lot = ?"
                + " and location_code = ? and quantity = ?")
                .params(orderId, line.line(), line.productId(), line.lot(), line.locationCode(), quantity).update();
        jdbc.sql("update warehouse.reservation set quantity = quantity - ? where order_id = ? and line = ?"
                + " and product_id = ? and lot = ? and location_code = ? and quantity > ?")
                .params(quantity, orderId, line.line(), line.productId(), line.lot(), line.locationCode(), quantity)
                .update();
    }

    void status(UUID orderId, Status status) {
        jdbc.sql("update warehouse.fulfilment set status = ? where order_id = ?").params(status.name(), orderId)
                .update();
    }

    void shipped(UUID orderId, UUID shipmentId, String carrier, String trackingNumber, Instant at) {
        jdbc.sql("update warehouse.fulfilment set status = 'SHIPPED', shipment_id = ?, carrier = ?, tracking_number = ?,"
                + " shipped_at = ? where order_id = ?")
                .params(shipmentId, carrier, trackingNumber, Timestamp.from(at), orderId).update();
    }

    /** A failed attempt: counted, and out again on {@code nextDeliveryDate}. */
    void failedAttempt(UUID orderId, LocalDate nextDeliveryDate) {
        jdbc.sql("update warehouse.fulfilment set failed_attempts = failed_attempts + 1, delivery_date = ?"
                + " where order_id = ?").params(nextDeliveryDate, orderId).update();
    }

    Optional<String> carrierAnswer(String carrierEventId) {
        return jdbc.sql("select answer from warehouse.carrier_event where carrier_event_id = ?").param(carrierEventId)
                .query(String.class).optional();
    }

    /** False when another report with this id came first. */
    boolean carrierEvent(CarrierEvent event, Instant receivedAt, String reportedBy, String answer) {
        return jdbc.sql("insert into warehouse.carrier_event (carrier_event_id, shipment_id, type, occurred_at, note,"
                + " received_at, reported_by, answer) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(event.carrierEventId(), event.shipmentId(), event.type(), Timestamp.from(event.occurredAt()),
                        event.note(), Timestamp.from(receivedAt), reportedBy, answer)
                .update() == 1;
    }

    /** The carrier's events of the orders' shipments, as they happened (not as they arrived). */
    List<CarrierEvent> carrierEvents(Collection<UUID> shipmentIds) {
        if (shipmentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select carrier_event_id, shipment_id, type, occurred_at, note from warehouse.carrier_event"
                + " where shipment_id = any(?) order by occurred_at, received_at")
                .param(shipmentIds.toArray(UUID[]::new)).query(CarrierEvent.class).list();
    }

    /** Shipped, not delivered, and failed at the door twice or more: oldest shipment first. */
    List<ToCall> toCall() {
        return jdbc.sql("select order_id, citizen_id, postal_code, city, carrier, tracking_number, failed_attempts"
                + " from warehouse.fulfilment where status = 'SHIPPED' and failed_attempts >= 2"
                + " order by shipped_at limit 200").query(ToCall.class).list();
    }

    /** The citizen's newest shipped orders, newest first. */
    List<Fulfilment> shippedOfCitizen(UUID citizenId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from warehouse.fulfilment where citizen_id = ? and shipment_id is not null"
                + " order by shipped_at desc limit ?").params(citizenId, limit).query(FulfilmentRepository::fulfilment)
                .list();
    }

    List<Fulfilment> findAll(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from warehouse.fulfilment where order_id = any(?)")
                .param(orderIds.toArray(UUID[]::new)).query(FulfilmentRepository::fulfilment).list();
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
                        "delivered_at"), rs.getString("recipient_name"), rs.getString("street"),
                rs.getObject("shipment_id", UUID.class), rs.getInt("failed_attempts"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
