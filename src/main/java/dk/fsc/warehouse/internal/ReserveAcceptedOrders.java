package dk.fsc.warehouse.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.CitizensForSystem;
import dk.fsc.identity.SystemJob;
import dk.fsc.orders.DeliveryFacts;
import dk.fsc.orders.OrderAccepted;
import dk.fsc.orders.OrderLine;
import dk.fsc.orders.OrderStatus;
import dk.fsc.orders.OrderStatusChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An accepted order is planned for its route's day ({@link DeliveryPlanning}) and reserved at
 * once, line by line, first expiry first out: never a lot that
 * expires before the delivery date plus a margin (fsc.warehouse.expiry-margin-days, 30 by
 * default), so the citizen gets time to use it. What no usable lot covers is kept as a
 * backorder. A baseplate ordered with a hole size becomes a cutting task. The recipient's name
 * for the packing slip is read once, through the citizens' audited system path. The stock rows are locked while reserved, products in one order for every
 * reservation, so that two orders (on two instances too) never promise the same unit; a second
 * delivery of the event finds the order known and changes nothing.
 */
@Component
class ReserveAcceptedOrders {

    static final String BY = "system:reservation";
    static final SystemJob JOB = new SystemJob("warehouse-reservation");
    /**
     * The order in which every path locks stock rows: by product, then as
     * {@link StockRepository#availableForUpdate} hands them out (expiry, walking order, lot), so an
     * acceptance and a cancellation at once wait for each other instead of deadlocking.
     */
    private static final Comparator<FulfilmentRepository.PickLine> IN_LOCK_ORDER = Comparator
            .comparing(FulfilmentRepository.PickLine::productId).thenComparing(FulfilmentRepository.PickLine::expiry)
            .thenComparingInt(FulfilmentRepository.PickLine::walkingOrder).thenComparing(FulfilmentRepository.PickLine::lot);

    private final FulfilmentRepository fulfilments;
    private final StockRepository stock;
    private final CitizensForSystem citizens;
    private final Clock clock;
    private final DeliveryPlanning planning;
    private final int marginDays;

    ReserveAcceptedOrders(FulfilmentRepository fulfilments, StockRepository stock, CitizensForSystem citizens,
            Clock clock, DeliveryPlanning planning, @Value("${fsc.warehouse.expiry-margin-days:30}") int marginDays) {
        this.fulfilments = fulfilments;
        this.planning = planning;
        this.stock = stock;
        this.citizens = citizens;
        this.clock = clock;
        this.marginDays = marginDays;
    }

    @ApplicationModuleListener
    void on(OrderAccepted accepted) {
        DeliveryFacts facts = accepted.order();
        LocalDate deliveryDate = planning.deliveryDate(facts.deliveryAddress().postalCode(), facts.wantedDate());
        UUID orderId = facts.orderId().value();
        fulfilments.lockOrder(orderId);
        if (fulfilments.cancelledBeforeAccepted(orderId)
                || !fulfilments.insertIfNew(facts, deliveryDate, accepted.acceptedAt())) {
            return;
        }
        fulfilments.recipient(orderId, citizens.find(JOB, facts.citizenId().value(), "warehouse.recipient")
                .map(CitizenView::name).orElse(null), facts.deliveryAddress().street());
        StockRepository.Movement movement = new StockRepository.Movement(clock.instant(), BY,
                "reserved for the order", "order " + orderId);
        List<OrderLine> lines = facts.lines();
        IntStream.range(0, lines.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> lines.get(i).productId().value()))
                .forEach(i -> reserve(orderId, i + 1, lines.get(i), deliveryDate.plusDays(marginDays), movement));
        IntStream.range(0, lines.size()).filter(i -> lines.get(i).holeDiameterMm() != null)
                .forEach(i -> fulfilments.cuttingTask(orderId, i + 1, lines.get(i)));
    }

    private void reserve(UUID orderId, int line, OrderLine orderLine, LocalDate usableUntil,
            StockRepository.Movement movement) {
        reserve(orderId, line, orderLine.productId().value(), orderLine.quantity(), usableUntil, movement);
    }

    /**
     * Goods of {@code productId} arrived: the shortage list of that product is reserved, oldest
     * order first, as far as the usable stock goes; what is still missing keeps waiting.
     */
    void fillShortages(UUID productId, StockRepository.Movement movement) {
        for (FulfilmentRepository.Backorder waiting : fulfilments.shortagesForUpdate(productId)) {
            FulfilmentRepository.Fulfilment order = fulfilments.find(waiting.orderId()).orElseThrow();
            fulfilments.deleteBackorder(waiting.orderId(), waiting.line());
            reserveAgain(order, waiting.line(), productId, waiting.missing(), movement);
        }
    }

    /**
     * The order was cancelled: what it had reserved and not picked is free again and its
     * shortages stop waiting. A second delivery of the event finds it cancelled already. When
     * the cancellation is handled before the acceptance (the two listeners race), it is noted so
     * that the acceptance reserves nothing; both hold the order's lock while they decide.
     */
    @ApplicationModuleListener
    void on(OrderStatusChanged changed) {
        if (changed.to() != OrderStatus.CANCELLED) {
            return;
        }
        UUID orderId = changed.orderId().value();
        fulfilments.lockOrder(orderId);
        Optional<FulfilmentRepository.Fulfilment> known = fulfilments.findForUpdate(orderId);
        if (known.isEmpty()) {
            fulfilments.cancelledBeforeAccepted(orderId, changed.at());
        }
        known.filter(order -> order.status() == FulfilmentRepository.Status.TO_PICK)
                .ifPresent(order -> {
                    StockRepository.Movement movement = new StockRepository.Movement(clock.instant(), BY,
                            "order cancelled", "order " + order.orderId());
                    for (FulfilmentRepository.PickLine line : fulfilments.pickList(order.orderId()).stream()
                            .sorted(IN_LOCK_ORDER).toList()) {
                        if (line.remaining() > 0) {
                            stock.change("RESERVE", stock.rowForUpdate(line.productId(), line.lot(),
                                    line.locationCode()).orElseThrow(), 0, -line.remaining(), movement);
                        }
                    }
                    fulfilments.cancel(order.orderId());
                });
    }

    /** Reserves a line of an order again, from other lots (a recall took its lot), within the same margin. */
    void reserveAgain(FulfilmentRepository.Fulfilment order, int line, UUID productId, int quantity,
            StockRepository.Movement movement) {
        reserve(order.orderId(), line, productId, quantity, order.deliveryDate().plusDays(marginDays), movement);
    }

    private void reserve(UUID orderId, int line, UUID productId, int quantity, LocalDate usableUntil,
            StockRepository.Movement movement) {
        int needed = quantity;
        for (StockRepository.StockRow row : stock.availableForUpdate(productId, usableUntil)) {
            if (needed == 0) {
                break;
            }
            int taken = Math.min(needed, row.available());
            stock.change("RESERVE", row, 0, taken, movement);
            fulfilments.reserve(orderId, line, row, taken);
            needed -= taken;
        }
        if (needed > 0) {
            fulfilments.backorder(orderId, line, productId, needed);
        }
    }
}
