package dk.fsc.warehouse.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.citizens.CitizenId;
import dk.fsc.orders.OrderId;
import dk.fsc.orders.Orders;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.warehouse.DeliveredLine;
import dk.fsc.warehouse.HoleCut;
import dk.fsc.warehouse.OrderShipped;
import dk.fsc.warehouse.ShipmentDelivered;
import dk.fsc.warehouse.internal.FulfilmentRepository.Fulfilment;
import dk.fsc.warehouse.internal.FulfilmentRepository.PickLine;
import dk.fsc.warehouse.internal.FulfilmentRepository.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * From a reserved order to the citizen: the pick list in walking order, each pick confirmed by
 * scanning the pack (a wrong product or lot is refused with the reason), the baseplates cut,
 * packing into a shipment for the carrier, and the delivery the carrier reports. Each step goes through the orders module's public API, and the
 * shipment and the delivery are published with the lots, for invoicing and a later recall.
 */
@Service
class Picking {

    static final String NO_ORDER = "The warehouse has no accepted order with this id.";

    record PickList(Fulfilment order, List<PickLine> lines, List<FulfilmentRepository.Backorder> backorders,
            List<FulfilmentRepository.CuttingTask> cuttingTasks, Map<ProductId, ProductView> products) {

        public boolean complete() {
            return backorders.isEmpty() && lines.stream().allMatch(line -> line.remaining() == 0);
        }

        public boolean cut() {
            return cuttingTasks.stream().allMatch(task -> task.cutAt() != null);
        }

        public String name(UUID productId) {
            ProductView product = products.get(new ProductId(productId));
            return product == null ? productId.toString() : product.name();
        }
    }

    record Pick(@Nullable String scan, @Nullable Integer quantity) {
    }

    /**
     * Why less was found at a location than was reserved there. Each means the shelf holds less
     * than the system believes (packs gone, packs unusable, or the count behind the figure wrong),
     * so each makes a count task for the lot at the location.
     */
    enum ShortReason {
        DAMAGED, MISSING, WRONG_COUNT
    }

    /** Less found than reserved of a pick line (its line, lot and location): how many were found, and why. */
    record ShortPick(@Nullable Integer line, @Nullable String lot, @Nullable String locationCode,
            @Nullable Integer found, @Nullable String reasonCode) {
    }

    /** The carrier the shipment goes with; the default carrier when none is named. */
    record Packing(@Nullable String carrier) {
    }

    static final String DEFAULT_CARRIER = "PostNord";

    private final FulfilmentRepository fulfilments;
    private final StockRepository stock;
    private final StockKeeping stockKeeping;
    private final Assortment assortment;
    private final Orders orders;
    private final ApplicationEventPublisher events;
    private final ReserveAcceptedOrders reservations;
    private final CountTasks countTasks;

    Picking(FulfilmentRepository fulfilments, StockRepository stock, StockKeeping stockKeeping, Assortment assortment,
            Orders orders, ApplicationEventPublisher events, ReserveAcceptedOrders reservations,
            CountTasks countTasks) {
        this.reservations = reservations;
        this.countTasks = countTasks;
        this.fulfilments = fulfilments;
        this.stock = stock;
        this.stockKeeping = stockKeeping;
        this.assortment = assortment;
        this.orders = orders;
        this.events = events;
    }

    @Transactional(readOnly = true)
    List<FulfilmentRepository.ToPick> toPick() {
        return fulfilments.toPick();
    }

    @Transactional(readOnly = true)
    List<FulfilmentRepository.CuttingTask> openCuttingTasks() {
        return fulfilments.openCuttingTasks();
    }

    @Transactional(readOnly = true)
    PickList pickList(UUID orderId) {
        return pickList(fulfilments.find(orderId).orElseThrow(() -> new NotFoundException(NO_ORDER)));
    }

    private PickList pickList(Fulfilment order) {
        List<PickLine> lines = fulfilments.pickList(order.orderId());
        List<FulfilmentRepository.Backorder> backorders = fulfilments.backorders(order.orderId());
        List<ProductId> ids = Stream.concat(lines.stream().map(PickLine::productId),
                backorders.stream().map(FulfilmentRepository.Backorder::productId)).map(ProductId::new).toList();
        return new PickList(order, lines, backorders, fulfilments.cuttingTasks(order.orderId()),
                assortment.products(ids));
    }

    /**
     * Confirms what was scanned: the line of the scanned product and lot, all that remains of it
     * unless a quantity is given. The first pick tells the orders module that picking started.
     */
    @Transactional
    PickList confirm(UUID orderId, Pick pick) {
        Fulfilment order = fulfilments.findForUpdate(orderId).orElseThrow(() -> new NotFoundException(NO_ORDER));
        if (order.status() != Status.TO_PICK) {
            throw new ConflictException("The order is picked already.",
                    List.of(FieldError.of("scan", "warehouse.error.pick.done")));
        }
        StockKeeping.ScannedPack pack = stockKeeping.read("scan", pick.scan());
        String lot = pack.read().lot();
        if (lot == null) {
            throw refused("warehouse.error.scan.noLot");
        }
        if (stock.recalled(pack.productId(), lot)) {
            throw refused("warehouse.error.lot.recalled", lot);
        }
        List<PickLine> ofProduct = fulfilments.pickList(orderId).stream()
                .filter(line -> line.productId().equals(pack.productId())).toList();
        if (ofProduct.isEmpty()) {
            throw refused("warehouse.error.pick.wrongProduct", pack.product().name());
        }
        List<PickLine> open = ofProduct.stream().filter(line -> line.remaining() > 0).toList();
        if (open.isEmpty()) {
            throw refused("warehouse.error.pick.alreadyPicked", pack.product().name());
        }
        PickLine line = open.stream().filter(candidate -> candidate.lot().equals(lot)).findFirst()
                .orElseThrow(() -> refused("warehouse.error.pick.wrongLot", lot, open.getFirst().lot(),
                        open.getFirst().locationCode()));
        if (pack.read().expiry() != null && pack.read().expiry().isBefore(stockKeeping.today())) {
            throw refused("warehouse.error.lot.expired", lot, pack.read().expiry());
        }
        int quantity = pick.quantity() == null ? line.remaining() : pick.quantity();
        if (quantity < 1 || quantity > line.remaining()) {
            throw new InvalidInputException("The pick cannot be confirmed",
                    List.of(FieldError.of("quantity", "warehouse.error.pick.quantity", line.remaining())));
        }
        take(order, line, quantity);
        return afterPick(order);
    }

    /** {@code quantity} of the line taken off the shelf; the first pick tells the orders module that picking started. */
    private void take(Fulfilment order, PickLine line, int quantity) {
        StockRepository.StockRow row = stock.rowForUpdate(line.productId(), line.lot(), line.locationCode())
                .orElseThrow();
        StockRepository.Movement movement = stockKeeping.movement("picked", "order " + order.orderId());
        stock.change("PICK", row, -quantity, -quantity, movement);
        fulfilments.picked(order.orderId(), line, quantity);
        orders.markPicked(new OrderId(order.orderId()), movement.by(), movement.at());
    }

    private PickList afterPick(Fulfilment order) {
        PickList after = pickList(order);
        if (after.complete()) {
            fulfilments.status(order.orderId(), Status.PICKED);
            return pickList(fulfilments.find(order.orderId()).orElseThrow());
        }
        return after;
    }

    /**
     * Less found at the location than was reserved there: what was found is picked, what was not
     * leaves the shelf's count (on hand and reserved, with the reason in the ledger), the lot at
     * the location is to be counted (a count task, unless one is open) and the line is reserved
     * again from other lots, or waits in the shortage list for the rest.
     */
    @Transactional
    PickList shortPick(UUID orderId, ShortPick report) {
        Fulfilment order = fulfilments.findForUpdate(orderId).orElseThrow(() -> new NotFoundException(NO_ORDER));
        if (order.status() != Status.TO_PICK) {
            throw new ConflictException("The order is picked already.",
                    List.of(FieldError.of("line", "warehouse.error.pick.done")));
        }
        List<FieldError> errors = new ArrayList<>();
        ShortReason reason = Arrays.stream(ShortReason.values())
                .filter(known -> known.name().equals(report.reasonCode())).findFirst().orElse(null);
        if (reason == null) {
            errors.add(FieldError.of("reasonCode", "warehouse.error.shortPick.reason"));
        }
        PickLine line = fulfilments.pickList(orderId).stream()
                .filter(candidate -> report.line() != null && candidate.line() == report.line()
                        && candidate.lot().equals(report.lot()) && candidate.locationCode().equals(report.locationCode())
                        && candidate.remaining() > 0)
                .findFirst().orElse(null);
        if (line == null) {
            errors.add(FieldError.of("line", "warehouse.error.shortPick.line"));
        } else if (report.found() == null || report.found() < 0 || report.found() >= line.remaining()) {
            errors.add(FieldError.of("found", "warehouse.error.shortPick.found", line.remaining() - 1));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The short pick cannot be reported", errors);
        }
        if (report.found() > 0) {
            take(order, line, report.found());
        }
        int missing = line.remaining() - report.found();
        StockRepository.Movement movement = stockKeeping.movement("short pick: " + reason.name(), "order " + orderId);
        stock.change("SHORT_PICK", stock.rowForUpdate(line.productId(), line.lot(), line.locationCode()).orElseThrow(),
                -missing, -missing, movement);
        countTasks.afterShortPick(stock.rowForUpdate(line.productId(), line.lot(), line.locationCode()).orElseThrow(),
                reason, orderId, movement);
        fulfilments.unreserve(orderId, line, missing);
        reservations.reserveAgain(order, line.line(), line.productId(), missing, movement);
        return afterPick(order);
    }

    /**
     * The cutter confirms a cutting task: the size is checked again against the product's
     * cutting range (the assortment may have changed since the order was placed).
     */
    @Transactional
    PickList cut(UUID orderId, int line) {
        Fulfilment order = fulfilments.findForUpdate(orderId).orElseThrow(() -> new NotFoundException(NO_ORDER));
        FulfilmentRepository.CuttingTask task = fulfilments.cuttingTasks(orderId).stream()
                .filter(candidate -> candidate.line() == line).findFirst()
                .orElseThrow(() -> new NotFoundException("The order has no cutting task on this line."));
        if (task.cutAt() != null) {
            return pickList(order);
        }
        if (order.status() != Status.TO_PICK && order.status() != Status.PICKED) {
            throw new ConflictException("The order has left the warehouse.",
                    List.of(FieldError.of("line", "warehouse.error.cut.packed")));
        }
        ProductView product = assortment.product(new ProductId(task.productId())).orElseThrow();
        if (product.holeCutting() == null || !product.holeCutting().allows(task.diameterMm())) {
            throw new InvalidInputException("The size is outside the product's cutting range",
                    List.of(product.holeCutting() == null
                            ? FieldError.of("line", "warehouse.error.cut.notCuttable", product.name())
                            : FieldError.of("line", "warehouse.error.cut.range", task.diameterMm(),
                                    product.holeCutting().minMm(), product.holeCutting().maxMm())));
        }
        StockRepository.Movement movement = stockKeeping.movement("cut", "order " + orderId);
        fulfilments.cut(orderId, line, movement.by(), movement.at());
        return pickList(order);
    }

    /**
     * Packing closes a picked order, all its plates cut, into a shipment with a tracking number,
     * handed to the carrier: the order is shipped (through the orders' API) and
     * {@link OrderShipped} published. Packing a shipped order again changes nothing.
     */
    @Transactional
    PickList pack(UUID orderId, Packing packing) {
        Fulfilment order = fulfilments.findForUpdate(orderId).orElseThrow(() -> new NotFoundException(NO_ORDER));
        if (order.status() == Status.SHIPPED || order.status() == Status.DELIVERED) {
            return pickList(order);
        }
        if (order.status() != Status.PICKED) {
            throw new ConflictException("Only a picked order can be packed.",
                    List.of(FieldError.of("carrier", "warehouse.error.ship.notPicked")));
        }
        if (fulfilments.cuttingTasks(orderId).stream().anyMatch(task -> task.cutAt() == null)) {
            throw new ConflictException("Every plate must be cut before packing.",
                    List.of(FieldError.of("carrier", "warehouse.error.pack.uncut")));
        }
        String carrier = packing.carrier() == null || packing.carrier().isBlank() ? DEFAULT_CARRIER
                : packing.carrier().strip();
        if (carrier.length() > 60) {
            throw InvalidInputException.of("carrier", "warehouse.error.ship.carrier");
        }
        String trackingNumber = "FSC" + fulfilments.nextTrackingNumber();
        StockRepository.Movement movement = stockKeeping.movement("shipped", "order " + orderId);
        orders.markShipped(new OrderId(orderId), movement.by(), movement.at());
        fulfilments.shipped(orderId, UUID.randomUUID(), carrier, trackingNumber, movement.at());
        events.publishEvent(new OrderShipped(new OrderId(orderId), new CitizenId(order.citizenId()),
                new MunicipalityCode(order.municipalityCode()), new MunicipalityCode(order.paidBy()),
                linesOut(orderId), carrier, trackingNumber, movement.at(), movement.by()));
        return pickList(fulfilments.find(orderId).orElseThrow());
    }

    /**
     * The carrier delivered the shipment: the order becomes delivered (through the orders' API)
     * and {@link ShipmentDelivered} is published with the lots and the plates cut. Within the
     * caller's transaction, holding the order's row.
     */
    void delivered(Fulfilment order, Instant at, String by) {
        UUID orderId = order.orderId();
        orders.markDelivered(new OrderId(orderId), by, at);
        fulfilments.delivered(orderId, at);
        events.publishEvent(new ShipmentDelivered(new OrderId(orderId), new CitizenId(order.citizenId()),
                new MunicipalityCode(order.municipalityCode()), new MunicipalityCode(order.paidBy()),
                linesOut(orderId), holeCuts(orderId), Objects.requireNonNull(order.carrier()),
                Objects.requireNonNull(order.trackingNumber()), at, by));
    }

    /** The plates cut, summed per product and size. */
    private List<HoleCut> holeCuts(UUID orderId) {
        Map<String, HoleCut> cuts = new LinkedHashMap<>();
        for (FulfilmentRepository.CuttingTask task : fulfilments.cuttingTasks(orderId)) {
            if (task.cutAt() != null) {
                cuts.merge(task.productId() + "/" + task.diameterMm(),
                        new HoleCut(new ProductId(task.productId()), task.diameterMm(), task.quantity()),
                        (a, b) -> new HoleCut(a.productId(), a.diameterMm(), a.quantity() + b.quantity()));
            }
        }
        return List.copyOf(cuts.values());
    }

    private List<DeliveredLine> linesOut(UUID orderId) {
        return fulfilments.pickList(orderId).stream().filter(line -> line.picked() > 0)
                .map(line -> new DeliveredLine(new ProductId(line.productId()), line.picked(), line.lot(),
                        line.expiry()))
                .toList();
    }

    private static InvalidInputException refused(String key, Object... arguments) {
        return new InvalidInputException("The scan is refused", List.of(FieldError.of("scan", key, arguments)));
    }
}
