package dk.fsc.warehouse.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen's unused products sent back: the parcel named by its tracking number, each pack
 * scanned (product, lot, expiry). A sealed pack of a lot that was delivered on that order, not
 * expired and not recalled, goes back on a shelf and reserves the shortage list; anything else
 * is scrapped with the reason (opened, damaged, expired, recalled). No more can come back of a
 * lot than the order delivered of it. Both are written to the ledger.
 */
@Service
class Returns {

    /** What the pack looks like when it comes back. */
    enum Condition {
        SEALED, OPENED, DAMAGED
    }

    record NewReturn(@Nullable String trackingNumber, @Nullable String scan, @Nullable Integer quantity,
            @Nullable String condition, @Nullable String locationCode) {
    }

    record Return(UUID id, UUID orderId, UUID productId, String lot, LocalDate expiry, int quantity, String condition,
            String outcome, @Nullable String scrapReason, @Nullable String locationCode, Instant returnedAt,
            String returnedBy) {
    }

    static final String SCRAP_LOCATION = "SCRAP";

    private final FulfilmentRepository fulfilments;
    private final StockRepository stock;
    private final StockKeeping stockKeeping;
    private final ReserveAcceptedOrders shortages;
    private final JdbcClient jdbc;

    Returns(FulfilmentRepository fulfilments, StockRepository stock, StockKeeping stockKeeping,
            ReserveAcceptedOrders shortages, JdbcClient jdbc) {
        this.fulfilments = fulfilments;
        this.stock = stock;
        this.stockKeeping = stockKeeping;
        this.shortages = shortages;
        this.jdbc = jdbc;
    }

    @Transactional
    Return receive(NewReturn request) {
        if (request.trackingNumber() == null || request.trackingNumber().isBlank()) {
            throw InvalidInputException.of("trackingNumber", "warehouse.error.return.tracking");
        }
        FulfilmentRepository.Fulfilment order = fulfilments.findByTrackingNumberForUpdate(
                request.trackingNumber().strip()).orElseThrow(() -> new InvalidInputException("Unknown parcel",
                        List.of(FieldError.of("trackingNumber", "warehouse.error.return.tracking"))));
        if (order.status() != FulfilmentRepository.Status.DELIVERED) {
            throw new ConflictException("Only a delivered order can be returned.",
                    List.of(FieldError.of("trackingNumber", "warehouse.error.return.notDelivered")));
        }
        List<FieldError> errors = new ArrayList<>();
        Condition condition = Arrays.stream(Condition.values())
                .filter(known -> known.name().equals(request.condition())).findFirst().orElse(null);
        if (condition == null) {
            errors.add(FieldError.of("condition", "warehouse.error.return.condition"));
        }
        if (request.quantity() == null || request.quantity() < 1 || request.quantity() > 100_000) {
            errors.add(FieldError.of("quantity", "warehouse.error.quantity"));
        }
        StockKeeping.ScannedPack pack = stockKeeping.read("scan", request.scan());
        String lot = pack.read().lot();
        if (lot == null) {
            throw InvalidInputException.of("scan", "warehouse.error.scan.noLot");
        }
        FulfilmentRepository.PickLine delivered = fulfilments.pickList(order.orderId()).stream()
                .filter(line -> line.productId().equals(pack.productId()) && line.lot().equals(lot)
                        && line.picked() > 0)
                .findFirst().orElse(null);
        if (delivered == null) {
            throw new InvalidInputException("Not delivered on this order", List.of(FieldError.of("scan",
                    "warehouse.error.return.notOnOrder", pack.product().name(), lot)));
        }
        int deliveredUnits = fulfilments.pickList(order.orderId()).stream()
                .filter(line -> line.productId().equals(pack.productId()) && line.lot().equals(lot))
                .mapToInt(FulfilmentRepository.PickLine::picked).sum();
        int left = deliveredUnits - returned(order.orderId(), pack.productId(), lot);
        if (request.quantity() != null && request.quantity() > left) {
            errors.add(FieldError.of("quantity", "warehouse.error.return.tooMany", left));
        }
        String scrapReason = condition == null ? null : scrapReason(condition, delivered.expiry(),
                stock.recalled(pack.productId(), lot), stockKeeping.today());
        boolean restock = condition != null && scrapReason == null;
        if (restock && (request.locationCode() == null || stock.location(request.locationCode()).isEmpty())) {
            errors.add(FieldError.of("locationCode", "warehouse.error.location.unknown"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The return cannot be received", errors);
        }
        UUID id = UUID.randomUUID();
        String document = "return " + id;
        StockRepository.Movement movement = stockKeeping.movement(restock ? "returned sealed"
                : "returned, scrapped: " + scrapReason, document);
        Return received = new Return(id, order.orderId(), pack.productId(), lot, delivered.expiry(),
                request.quantity(), condition.name(), restock ? "RESTOCKED" : "SCRAPPED", scrapReason,
                restock ? request.locationCode() : null, movement.at(), movement.by());
        if (restock) {
            stock.receive("RETURN", request.locationCode(), pack.productId(), lot, delivered.expiry(),
                    request.quantity(), movement);
            shortages.fillShortages(pack.productId(), new StockRepository.Movement(movement.at(), movement.by(),
                    "reserved for a waiting order", document));
        } else {
            stock.scrap(pack.productId(), lot, request.quantity(), movement);
        }
        jdbc.sql("insert into warehouse.stock_return (id, order_id, product_id, lot, expiry, quantity, condition,"
                + " outcome, scrap_reason, location_code, returned_at, returned_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(received.id(), received.orderId(), received.productId(), received.lot(), received.expiry(),
                        received.quantity(), received.condition(), received.outcome(), received.scrapReason(),
                        received.locationCode(), Timestamp.from(received.returnedAt()), received.returnedBy())
                .update();
        return received;
    }

    /** Why a returned pack cannot go back on a shelf, or null when it can. */
    static @Nullable String scrapReason(Condition condition, LocalDate expiry, boolean recalled, LocalDate today) {
        if (condition != Condition.SEALED) {
            return condition.name();
        }
        return expiry.isBefore(today) ? "EXPIRED" : recalled ? "RECALLED" : null;
    }

    private int returned(UUID orderId, UUID productId, String lot) {
        return jdbc.sql("select coalesce(sum(quantity), 0)::int from warehouse.stock_return where order_id = ?"
                + " and product_id = ? and lot = ?").params(orderId, productId, lot).query(Integer.class).single();
    }

    /** The newest returns first. */
    @Transactional(readOnly = true)
    List<Return> recent(int limit) {
        return jdbc.sql("select id, order_id, product_id, lot, expiry, quantity, condition, outcome, scrap_reason,"
                + " location_code, returned_at, returned_by from warehouse.stock_return"
                + " order by returned_at desc, id limit ?").param(limit).query(Return.class).list();
    }

    @Transactional(readOnly = true)
    Return find(UUID id) {
        return jdbc.sql("select id, order_id, product_id, lot, expiry, quantity, condition, outcome, scrap_reason,"
                + " location_code, returned_at, returned_by from warehouse.stock_return where id = ?").param(id)
                .query(Return.class).optional().orElseThrow(() -> new NotFoundException("There is no such return."));
    }
}
