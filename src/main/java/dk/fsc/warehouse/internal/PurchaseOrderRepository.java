package dk.fsc.warehouse.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reorder rules, and purchase orders to suppliers with what has arrived of each line. */
@Repository
class PurchaseOrderRepository {

    /** OPEN until every line is received (RECEIVED) or the supplier will deliver no more (CLOSED_SHORT). */
    enum Status {
        OPEN, RECEIVED, CLOSED_SHORT
    }

    record ReorderRule(UUID productId, int reorderPoint, int reorderQuantity, Instant changedAt, String changedBy) {
    }

    /**
     * A product's stock position against its rule: usable stock not reserved, what is on open
     * purchase orders and not yet received (an order closed short owes nothing), and what waits in
     * the shortage list.
     */
    record Position(UUID productId, int reorderPoint, int reorderQuantity, int available, int onOrder, int waiting) {

        int position() {
            return available + onOrder - waiting;
        }

        /** Below the point: the reorder quantity, as many times as it takes to reach the point again; else 0. */
        int proposed() {
            int missing = reorderPoint - position();
            return missing <= 0 ? 0 : reorderQuantity * Math.ceilDiv(missing, reorderQuantity);
        }
    }

    record PurchaseOrder(UUID id, String number, UUID supplierId, String supplierName, Status status,
            LocalDate expectedDate, Instant createdAt, String createdBy, @Nullable Instant closedAt,
            @Nullable String closedBy, @Nullable String closeReason) {

        PurchaseOrder(UUID id, String number, UUID supplierId, String supplierName, LocalDate expectedDate,
                Instant createdAt, String createdBy) {
            this(id, number, supplierId, supplierName, Status.OPEN, expectedDate, createdAt, createdBy, null, null,
                    null);
        }
    }

    record Line(UUID purchaseOrderId, int line, UUID productId, String supplierItemNumber, int ordered, int received,
            @Nullable Long unitPriceOre) {

        public int outstanding() {
            return Math.max(ordered - received, 0);
        }

        /** The unit price in kroner with a point, or empty without a price. */
        public String unitPriceKroner() {
            return unitPriceOre == null ? "" : String.format(Locale.ROOT, "%d.%02d", unitPriceOre / 100,
                    unitPriceOre % 100);
        }
    }

    private static final String NEW_ORDER = "id, number, supplier_id, supplier_name, status, expected_date,"
            + " created_at, created_by";
    private static final String ORDER = NEW_ORDER + ", closed_at, closed_by, close_reason";
    private static final String LINE = "purchase_order_id, line, product_id, supplier_item_number, ordered,"
            + " received, unit_price_ore";

    private final JdbcClient jdbc;

    PurchaseOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveRule(UUID productId, int point, int quantity, Instant at, String by) {
        jdbc.sql("insert into warehouse.reorder_rule (product_id, reorder_point, reorder_quantity, changed_at,"
                + " changed_by) values (?, ?, ?, ?, ?) on conflict (product_id) do update set"
                + " reorder_point = excluded.reorder_point, reorder_quantity = excluded.reorder_quantity,"
                + " changed_at = excluded.changed_at, changed_by = excluded.changed_by")
                .params(productId, point, quantity, Timestamp.from(at), by).update();
    }

    List<ReorderRule> rules() {
        return jdbc.sql("select product_id, reorder_point, reorder_quantity, changed_at, changed_by"
                + " from warehouse.reorder_rule order by product_id").query(ReorderRule.class).list();
    }

    /**
     * The stock position of every product with a rule (of {@code productIds} only, locked, when
     * given): lots expired by {@code today} or recalled do not count as available.
     */
    List<Position> positions(LocalDate today, @Nullable Collection<UUID> productIds) {
        String only = productIds == null ? "" : " where r.product_id = any(?)";
        String sql = "select r.product_id, r.reorder_point, r.reorder_quantity,"
                + " (select coalesce(sum(s.on_hand - s.reserved), 0) from warehouse.stock s"
                + " where s.product_id = r.product_id and s.expiry >= ? and not exists (select 1 from"
                + " warehouse.recall c where c.product_id = s.product_id and c.lot = s.lot))::int as available,"
                + " (select coalesce(sum(greatest(l.ordered - l.received, 0)), 0) from warehouse.purchase_order_line l"
                + " join warehouse.purchase_order p on p.id = l.purchase_order_id where p.status = 'OPEN'"
                + " and l.product_id = r.product_id)::int as on_order,"
                + " (select coalesce(sum(b.missing), 0) from warehouse.backorder b join warehouse.fulfilment f"
                + " on f.order_id = b.order_id where f.status = 'TO_PICK' and b.product_id = r.product_id)::int"
                + " as waiting from warehouse.reorder_rule r" + only + " order by r.product_id"
                + (productIds == null ? "" : " for update of r");
        var statement = jdbc.sql(sql).param(today);
        if (productIds != null) {
            statement = statement.param(productIds.toArray(UUID[]::new));
        }
        return statement.query(Position.class).list();
    }

    long nextNumber() {
        return jdbc.sql("select nextval('warehouse.purchase_order_seq')").query(Long.class).single();
    }

    void insert(PurchaseOrder order, List<Line> lines) {
        jdbc.sql("insert into warehouse.purchase_order (" + NEW_ORDER + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(order.id(), order.number(), order.supplierId(), order.supplierName(), order.status().name(),
                        order.expectedDate(), Timestamp.from(order.createdAt()), order.createdBy())
                .update();
        for (Line line : lines) {
            jdbc.sql("insert into warehouse.purchase_order_line (" + LINE + ") values (?, ?, ?, ?, ?, ?, ?)")
                    .params(order.id(), line.line(), line.productId(), line.supplierItemNumber(), line.ordered(),
                            line.received(), line.unitPriceOre())
                    .update();
        }
    }

    Optional<PurchaseOrder> find(UUID id) {
        return jdbc.sql("select " + ORDER + " from warehouse.purchase_order where id = ?").param(id)
                .query(PurchaseOrder.class).optional();
    }

    Optional<PurchaseOrder> findForUpdate(UUID id) {
        return jdbc.sql("select " + ORDER + " from warehouse.purchase_order where id = ? for update").param(id)
                .query(PurchaseOrder.class).optional();
    }

    /** Open orders first, by expected date, then the newest received or closed ones. */
    List<PurchaseOrder> recent(int limit) {
        return jdbc.sql("select " + ORDER + " from warehouse.purchase_order order by status <> 'OPEN',"
                + " case when status = 'OPEN' then expected_date end, created_at desc limit ?").param(limit)
                .query(PurchaseOrder.class).list();
    }

    List<Line> lines(UUID purchaseOrderId) {
        return jdbc.sql("select " + LINE + " from warehouse.purchase_order_line where purchase_order_id = ?"
                + " order by line").param(purchaseOrderId).query(Line.class).list();
    }

    void received(UUID purchaseOrderId, int line, int quantity) {
        jdbc.sql("update warehouse.purchase_order_line set received = received + ? where purchase_order_id = ?"
                + " and line = ?").params(quantity, purchaseOrderId, line).update();
    }

    void status(UUID purchaseOrderId, Status status) {
        jdbc.sql("update warehouse.purchase_order set status = ? where id = ?").params(status.name(), purchaseOrderId)
                .update();
    }

    /** The supplier delivers no more: the order is closed short by {@code by} at {@code at}, for {@code reason}. */
    void closeShort(UUID purchaseOrderId, Instant at, String by, String reason) {
        jdbc.sql("update warehouse.purchase_order set status = 'CLOSED_SHORT', closed_at = ?, closed_by = ?,"
                + " close_reason = ? where id = ?").params(Timestamp.from(at), by, reason, purchaseOrderId).update();
    }

    /** The earliest expected date of an open order still owing some of each product. */
    Map<UUID, LocalDate> expectedDates(Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        record Expected(UUID productId, LocalDate expectedDate) {
        }
        return jdbc.sql("select l.product_id, min(p.expected_date) as expected_date from warehouse.purchase_order_line l"
                + " join warehouse.purchase_order p on p.id = l.purchase_order_id where p.status = 'OPEN'"
                + " and l.received < l.ordered and l.product_id = any(?) group by l.product_id")
                .param(productIds.toArray(UUID[]::new)).query(Expected.class).stream()
                .collect(Collectors.toMap(Expected::productId, Expected::expectedDate));
    }
}
