package dk.fsc.orders.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.assortment.ProductId;
import dk.fsc.grants.GrantedLine;
import dk.fsc.grants.LimitPeriod;
import dk.fsc.orders.DeliveryAddress;
import dk.fsc.orders.OrderStatus;
import dk.fsc.shared.database.JdbcPages;
import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrderRepository {

    private static final String COLUMNS = "id, citizen_id, municipality_code, status, channel, order_date,"
            + " delivery_date, delivery_street, delivery_postal_code, delivery_city, standing_order_id, placed_at,"
            + " placed_by, paid_by, rejection_reason";

    private static final SqlParameterValue NULL_DATE = new SqlParameterValue(Types.DATE, null);
    private static final SqlParameterValue NULL_UUID = new SqlParameterValue(Types.OTHER, null);
    private static final SqlParameterValue NULL_INT = new SqlParameterValue(Types.INTEGER, null);
    private static final SqlParameterValue NULL_TEXT = new SqlParameterValue(Types.VARCHAR, null);
    private static final SqlParameterValue NULL_TEXT_ARRAY = new SqlParameterValue(Types.ARRAY, null);

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes the orders of one citizen until the transaction ends, so limits hold under concurrency. */
    void lockCitizen(UUID citizenId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("orders:" + citizenId)
                .query(rs -> { });
    }

    /**
     * Saves a new order, its lines, its first status and the hole sizes its plates are cut to
     * (remembered for the next order) in one statement: one round trip to the database.
     */
    void insert(Order order) {
        StringBuilder sql = new StringBuilder("with placed as (insert into orders.citizen_order (" + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)), lines as (insert into orders.order_line"
                + " (order_id, position, product_id, quantity, hole_diameter_mm, outcome, reason_code, reason_args,"
                + " replacement_product_id, grant_line_id) values ");
        List<Object> params = new ArrayList<>(List.of(order.id(), order.citizenId(), order.municipalityCode(),
                order.status().name(), order.channel().name(), order.orderDate()));
        params.add(order.deliveryDate() == null ? NULL_DATE : order.deliveryDate());
        params.addAll(List.of(order.delivery().street(), order.delivery().postalCode(), order.delivery().city()));
        params.add(order.standingOrderId() == null ? NULL_UUID : order.standingOrderId());
        params.addAll(List.of(utc(order.placedAt()), order.placedBy(), order.paidBy()));
        params.add(NULL_TEXT);
        for (Order.Line line : order.lines()) {
            ConsumptionControl.Reason reason = line.reason();
            sql.append(line.position() == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(List.of(order.id(), line.position(), line.productId().value(), line.quantity()));
            params.add(line.holeDiameterMm() == null ? NULL_INT : line.holeDiameterMm());
            params.add(line.outcome().name());
            params.add(reason == null ? NULL_TEXT : reason.code());
            params.add(reason == null ? NULL_TEXT_ARRAY : reason.args().toArray(String[]::new));
            params.add(line.replacement() == null ? NULL_UUID : line.replacement().value());
            params.add(line.grantLineId() == null ? NULL_UUID : line.grantLineId());
        }
        sql.append(")");
        List<Order.Line> cut = order.lines().stream()
                .filter(line -> line.holeDiameterMm() != null && line.outcome() != ConsumptionControl.Outcome.REJECTED)
                .toList();
        if (!cut.isEmpty()) {
            sql.append(", cut as (insert into orders.cut_size (citizen_id, product_id, diameter_mm, measured_at) values ");
            for (int i = 0; i < cut.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?)");
                params.addAll(List.of(order.citizenId(), cut.get(i).productId().value(), cut.get(i).holeDiameterMm(),
                        utc(order.placedAt())));
            }
            sql.append(" on conflict (citizen_id, product_id) do update set diameter_mm = excluded.diameter_mm,"
                    + " measured_at = excluded.measured_at)");
        }
        sql.append(" insert into orders.status_change (order_id, from_status, to_status, at, by_user)"
                + " values (?, null, ?, ?, ?)");
        params.addAll(List.of(order.id(), order.status().name(), utc(order.placedAt()), order.placedBy()));
        jdbc.sql(sql.toString()).params(params).update();
    }

    void recordStatus(UUID orderId, @Nullable OrderStatus from, OrderStatus to, Instant at, String by,
            @Nullable String reason) {
        jdbc.sql("insert into orders.status_change (order_id, from_status, to_status, at, by_user, reason)"
                + " values (?, ?, ?, ?, ?, ?)")
                .params(orderId, from == null ? null : from.name(), to.name(), utc(at), by, reason).update();
    }

    /** Saves what can change after placement: the status, the rejection reason and who decides. */
    void update(Order order) {
        jdbc.sql("update orders.citizen_order set status = ?, rejection_reason = ?, municipality_code = ? where id = ?")
                .params(order.status().name(), order.rejectionReason(), order.municipalityCode(), order.id())
                .update();
    }

    record StatusChange(@Nullable OrderStatus from, OrderStatus to, Instant at, String by, @Nullable String reason) {
    }

    List<StatusChange> history(UUID orderId) {
        return jdbc.sql("select from_status, to_status, at, by_user, reason from orders.status_change"
                + " where order_id = ? order by id")
                .param(orderId)
                .query((rs, i) -> new StatusChange(rs.getString(1) == null ? null : OrderStatus.valueOf(rs.getString(1)),
                        OrderStatus.valueOf(rs.getString(2)), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    Optional<Order> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from orders.citizen_order where id = ?").param(id)
                .query(OrderRepository::order).optional().map(order -> withLines(List.of(order)).getFirst());
    }

    Optional<Order> findForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from orders.citizen_order where id = ? for update").param(id)
                .query(OrderRepository::order).optional().map(order -> withLines(List.of(order)).getFirst());
    }

    Paged<Order> ofCitizen(UUID citizenId, PageQuery page) {
        return JdbcPages.page(jdbc, COLUMNS, "orders.citizen_order", "citizen_id = ?", List.of(citizenId),
                "placed_at desc, id", OrderRepository::order, page).mapAll(this::withLines);
    }

    /** The citizen's orders awaiting a caseworker's decision, locked until the transaction ends. */
    List<Order> awaitingOfCitizenForUpdate(UUID citizenId) {
        return withLines(jdbc.sql("select " + COLUMNS + " from orders.citizen_order where citizen_id = ?"
                + " and status = 'AWAITING_APPROVAL' for update").param(citizenId).query(OrderRepository::order).list());
    }

    Optional<Order> lastOf(UUID citizenId) {
        return jdbc.sql("select " + COLUMNS + " from orders.citizen_order where citizen_id = ?"
                + " and channel <> 'STANDING_ORDER' order by placed_at desc, id limit 1")
                .param(citizenId).query(OrderRepository::order).optional()
                .map(order -> withLines(List.of(order)).getFirst());
    }

    /** Orders awaiting a caseworker of the municipality, oldest first. */
    Paged<Order> awaitingApproval(String municipality, PageQuery page) {
        return JdbcPages.page(jdbc, COLUMNS, "orders.citizen_order", "status = 'AWAITING_APPROVAL'"
                + " and municipality_code = ?", List.of(municipality), "placed_at, id", OrderRepository::order, page)
                .mapAll(this::withLines);
    }

    /**
     * Per grant line, how much the citizen's counting orders have used of it in the line's
     * period that contains {@code date}.
     */
    Map<UUID, Integer> usedInPeriods(UUID citizenId, List<GrantedLine> lines, LocalDate date) {
        Map<UUID, Integer> used = new HashMap<>();
        if (lines.isEmpty()) {
            return used;
        }
        Map<UUID, LimitPeriod.Range> periods = new HashMap<>();
        lines.forEach(line -> periods.put(line.lineId(), line.period().containing(date)));
        LocalDate since = periods.values().stream().map(LimitPeriod.Range::from).min(LocalDate::compareTo).orElseThrow();
        jdbc.sql("""
                select l.grant_line_id, o.order_date, l.quantity
                from orders.citizen_order o join orders.order_line l on l.order_id = o.id
                where o.citizen_id = ? and o.order_date >= ? and o.status not in ('REJECTED', 'CANCELLED')
                  and l.outcome <> 'REJECTED' and l.grant_line_id = any(?)""")
                .params(citizenId, since, periods.keySet().toArray(UUID[]::new))
                .query(rs -> {
                    UUID line = rs.getObject(1, UUID.class);
                    if (periods.get(line).contains(rs.getObject(2, LocalDate.class))) {
                        used.merge(line, rs.getInt(3), Integer::sum);
                    }
                });
        return used;
    }

    private List<Order> withLines(List<Order> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Map<UUID, List<Order.Line>> lines = new LinkedHashMap<>();
        orders.forEach(order -> lines.put(order.id(), new ArrayList<>()));
        jdbc.sql("select order_id, position, product_id, quantity, hole_diameter_mm, outcome, reason_code, reason_args,"
                + " replacement_product_id, grant_line_id from orders.order_line where order_id = any(?)"
                + " order by order_id, position")
                .param(orders.stream().map(Order::id).toArray(UUID[]::new))
                .query(rs -> {
                    lines.get(rs.getObject(1, UUID.class)).add(line(rs));
                });
        return orders.stream().map(order -> new Order(order.id(), order.citizenId(), order.municipalityCode(),
                order.paidBy(), order.status(), order.channel(), order.orderDate(), order.deliveryDate(),
                order.delivery(), order.standingOrderId(), order.placedAt(), order.placedBy(), order.rejectionReason(),
                List.copyOf(lines.get(order.id())))).toList();
    }

    private static Order.Line line(ResultSet rs) throws SQLException {
        String code = rs.getString(7);
        Array args = rs.getArray(8);
        UUID replacement = rs.getObject(9, UUID.class);
        return new Order.Line(rs.getInt(2), new ProductId(rs.getObject(3, UUID.class)), rs.getInt(4),
                rs.getObject(5, Integer.class), ConsumptionControl.Outcome.valueOf(rs.getString(6)),
                code == null ? null
                        : new ConsumptionControl.Reason(code,
                                args == null ? List.of() : Arrays.asList((String[]) args.getArray())),
                replacement == null ? null : new ProductId(replacement), rs.getObject(10, UUID.class));
    }

    private static Order order(ResultSet rs, int row) throws SQLException {
        return new Order(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(14),
                OrderStatus.valueOf(rs.getString(4)), Order.Channel.valueOf(rs.getString(5)),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                new DeliveryAddress(rs.getString(8), rs.getString(9), rs.getString(10)), rs.getObject(11, UUID.class),
                rs.getObject(12, OffsetDateTime.class).toInstant(), rs.getString(13), rs.getString(15), List.of());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
