package dk.fsc.warehouse.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.fsc.identity.AuditLog;
import dk.fsc.orders.OrderId;
import dk.fsc.orders.Orders;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.warehouse.internal.FulfilmentRepository.Fulfilment;
import dk.fsc.warehouse.internal.FulfilmentRepository.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lot the supplier recalled. In one transaction: the lot can no longer be reserved, received
 * or picked; its reservations in orders not yet shipped are released and the lines reserved
 * again from other lots (or wait for stock); shipments the carrier has not delivered are
 * stopped (the order too, through the orders' API); and who received it (citizen id, name, municipality, date; never a CPR number) is
 * listed for their municipality's caseworkers, each citizen written to the audit log.
 */
@Service
class Recalls {

    record NewRecall(@Nullable UUID productId, @Nullable String lot, @Nullable String supplierNotice,
            @Nullable String noticeDate, @Nullable String reason) {
    }

    record Recall(UUID productId, String lot, String supplierNotice, LocalDate noticeDate, String reason,
            Instant recalledAt, String recalledBy) {
    }

    /** A citizen who received the lot, as their municipality's caseworkers see it. */
    record Recipient(UUID productId, String lot, UUID orderId, UUID citizenId, @Nullable String citizenName,
            String municipalityCode, LocalDate deliveredOn, int quantity) {
    }

    /** A shipment stopped by a recall. */
    record Stopped(UUID orderId, String postalCode, String city, @Nullable String carrier,
            @Nullable String trackingNumber) {
    }

    record Outcome(Recall recall, int linesReservedAgain, List<Stopped> stopped, List<Recipient> recipients) {
    }

    private record Affected(UUID orderId, int line, UUID productId, String lot, String locationCode, int quantity,
            int picked) {
    }

    private final JdbcClient jdbc;
    private final FulfilmentRepository fulfilments;
    private final StockRepository stock;
    private final StockKeeping stockKeeping;
    private final ReserveAcceptedOrders reservations;
    private final AuditLog auditLog;
    private final Orders orders;

    Recalls(JdbcClient jdbc, FulfilmentRepository fulfilments, StockRepository stock, StockKeeping stockKeeping,
            ReserveAcceptedOrders reservations, AuditLog auditLog, Orders orders) {
        this.orders = orders;
        this.jdbc = jdbc;
        this.fulfilments = fulfilments;
        this.stock = stock;
        this.stockKeeping = stockKeeping;
        this.reservations = reservations;
        this.auditLog = auditLog;
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    Outcome recall(NewRecall request) {
        List<FieldError> errors = new ArrayList<>();
        boolean known = request.productId() != null && request.lot() != null && jdbc.sql("select exists (select 1"
                + " from warehouse.ledger_entry where product_id = ? and lot = ?)")
                .params(request.productId(), request.lot().strip()).query(Boolean.class).single();
        if (!known) {
            errors.add(FieldError.of("lot", "warehouse.error.recall.lot"));
        }
        String notice = text(request.supplierNotice(), 200, "supplierNotice", errors);
        String reason = text(request.reason(), 500, "reason", errors);
        LocalDate noticeDate = null;
        try {
            noticeDate = request.noticeDate() == null ? null : LocalDate.parse(request.noticeDate());
        } catch (DateTimeParseException malformed) {
            noticeDate = null;
        }
        if (noticeDate == null || noticeDate.isAfter(stockKeeping.today())) {
            errors.add(FieldError.of("noticeDate", "warehouse.error.recall.noticeDate"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The lot cannot be recalled", errors);
        }
        UUID productId = request.productId();
        String lot = request.lot().strip();
        StockRepository.Movement movement = stockKeeping.movement("recalled: " + reason, "recall " + notice);
        if (jdbc.sql("insert into warehouse.recall (product_id, lot, supplier_notice, notice_date, reason, recalled_at,"
                + " recalled_by) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(productId, lot, notice, noticeDate, reason, Timestamp.from(movement.at()), movement.by())
                .update() == 0) {
            throw new ConflictException("The lot is recalled already.",
                    List.of(FieldError.of("lot", "warehouse.error.recall.already")));
        }
        jdbc.sql("select 1 from warehouse.stock where product_id = ? and lot = ? for update").params(productId, lot)
                .query(Integer.class).list();
        int reservedAgain = 0;
        List<Stopped> stopped = new ArrayList<>();
        List<Recipient> recipients = new ArrayList<>();
        for (Affected affected : jdbc.sql("select order_id, line, product_id, lot, location_code, quantity, picked"
                + " from warehouse.reservation where product_id = ? and lot = ? order by order_id, line")
                .params(productId, lot).query(Affected.class).list()) {
            Fulfilment order = fulfilments.findForUpdate(affected.orderId()).orElseThrow();
            switch (order.status()) {
                case TO_PICK, PICKED -> {
                    release(affected, movement);
                    reservations.reserveAgain(order, affected.line(), productId, affected.quantity(), movement);
                    fulfilments.status(order.orderId(), Status.TO_PICK);
                    reservedAgain++;
                }
                case SHIPPED -> {
                    fulfilments.status(order.orderId(), Status.STOPPED);
                    orders.markStopped(new OrderId(order.orderId()), movement.by(), movement.at(),
                            "recall of lot " + lot + ": " + reason);
                    stopped.add(new Stopped(order.orderId(), order.postalCode(), order.city(), order.carrier(),
                            order.trackingNumber()));
                }
                case DELIVERED -> recipients.add(received(order, affected));
                case STOPPED -> {
                    // stopped by an earlier recall of another lot: nothing more to stop
                }
            }
        }
        return new Outcome(new Recall(productId, lot, notice, noticeDate, reason, movement.at(), movement.by()),
                reservedAgain, stopped, recipients);
    }

    /** The lot's part of the line leaves the order: unpicked units are free again, picked ones set aside. */
    private void release(Affected affected, StockRepository.Movement movement) {
        StockRepository.StockRow row = stock.rowForUpdate(affected.productId(), affected.lot(),
                affected.locationCode()).orElseThrow();
        stock.change("RECALL", row, 0, -(affected.quantity() - affected.picked()), movement);
        jdbc.sql("delete from warehouse.reservation where order_id = ? and line = ? and product_id = ? and lot = ?"
                + " and location_code = ?").params(affected.orderId(), affected.line(), affected.productId(),
                        affected.lot(), affected.locationCode()).update();
    }

    private Recipient received(Fulfilment order, Affected affected) {
        LocalDate on = order.deliveredAt() == null ? stockKeeping.today()
                : LocalDate.ofInstant(order.deliveredAt(), TimeConfiguration.DANISH_TIME);
        Recipient recipient = new Recipient(affected.productId(), affected.lot(), order.orderId(), order.citizenId(),
                order.recipientName(), order.municipalityCode(), on, affected.picked());
        jdbc.sql("insert into warehouse.recall_recipient (product_id, lot, order_id, citizen_id, citizen_name,"
                + " municipality_code, delivered_on, quantity) values (?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (product_id, lot, order_id) do update"
                + " set quantity = warehouse.recall_recipient.quantity + excluded.quantity")
                .params(recipient.productId(), recipient.lot(), recipient.orderId(), recipient.citizenId(),
                        recipient.citizenName(), recipient.municipalityCode(), on, recipient.quantity())
                .update();
        auditLog.record(order.citizenId(), "warehouse.recall");
        return recipient;
    }

    @Transactional(readOnly = true)
    List<Recall> all() {
        return jdbc.sql("select product_id, lot, supplier_notice, notice_date, reason, recalled_at, recalled_by"
                + " from warehouse.recall order by recalled_at desc limit 200").query(Recall.class).list();
    }

    /** Shipments stopped by a recall, for the recall page. */
    @Transactional(readOnly = true)
    List<Stopped> stopped() {
        return jdbc.sql("select order_id, postal_code, city, carrier, tracking_number from warehouse.fulfilment"
                + " where status = 'STOPPED' order by shipped_at desc limit 200").query(Stopped.class).list();
    }

    /** Who in {@code municipality} received a recalled lot, newest recall first. */
    @Transactional(readOnly = true)
    List<Recipient> recipientsIn(String municipality) {
        return jdbc.sql("select p.product_id, p.lot, p.order_id, p.citizen_id, p.citizen_name, p.municipality_code,"
                + " p.delivered_on, p.quantity from warehouse.recall_recipient p join warehouse.recall r"
                + " on r.product_id = p.product_id and r.lot = p.lot where p.municipality_code = ?"
                + " order by r.recalled_at desc, p.delivered_on limit 200").param(municipality)
                .query(Recipient.class).list();
    }

    private static String text(@Nullable String value, int max, String field, List<FieldError> errors) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > max) {
            errors.add(FieldError.of(field, "warehouse.error.recall." + field, max));
        }
        return text;
    }
}
