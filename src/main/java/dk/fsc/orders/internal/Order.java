package dk.fsc.orders.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.fsc.assortment.ProductId;
import dk.fsc.citizens.CitizenId;
import dk.fsc.orders.DeliveryAddress;
import dk.fsc.orders.DeliveryFacts;
import dk.fsc.orders.OrderId;
import dk.fsc.orders.OrderLine;
import dk.fsc.orders.OrderStatus;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.problem.ConflictException;
import org.jspecify.annotations.Nullable;

/**
 * An order and its lines as consumption control decided them; the status changes only through its methods.
 *
 * @param municipalityCode the citizen's municipality, whose caseworkers decide on the order
 * @param paidBy           the municipality that pays (the old one during a move's transition, by default)
 * @param rejectionReason  the caseworker's reason, when rejected
 */
record Order(UUID id, UUID citizenId, String municipalityCode, String paidBy, OrderStatus status, Channel channel,
        LocalDate orderDate, @Nullable LocalDate deliveryDate, DeliveryAddress delivery, @Nullable UUID standingOrderId,
        Instant placedAt, String placedBy, @Nullable String rejectionReason, List<Line> lines) {

    enum Channel {
        WEB, PHONE, STANDING_ORDER
    }

    record Line(int position, ProductId productId, int quantity, @Nullable Integer holeDiameterMm,
            ConsumptionControl.Outcome outcome, ConsumptionControl.@Nullable Reason reason,
            @Nullable ProductId replacement, @Nullable UUID grantLineId) {
    }

    /** The caseworker lets an order over the limit go ahead. */
    Order approve() {
        return to(expect(OrderStatus.AWAITING_APPROVAL, "approved"), OrderStatus.ACCEPTED, null);
    }

    /** The caseworker refuses an order over the limit, saying why. */
    Order reject(String reason) {
        return to(expect(OrderStatus.AWAITING_APPROVAL, "rejected"), OrderStatus.REJECTED, reason);
    }

    /** Cancelled by the citizen or on their behalf, until picking starts. */
    Order cancel() {
        if (!status.cancellable()) {
            throw new ConflictException("An order that is " + status + " can no longer be cancelled.");
        }
        return to(this, OrderStatus.CANCELLED, null);
    }

    /**
     * Fulfilment reached {@code step} ({@code PICKING}, {@code SHIPPED} or {@code DELIVERED}):
     * only from the step before it; an order already there stays as it is.
     */
    Order reach(OrderStatus step) {
        if (status == step) {
            return this;
        }
        if (!status.advanceable() || status.next() != step) {
            throw new ConflictException("An order that is " + status + " cannot become " + step + ".");
        }
        return to(this, step, null);
    }

    /** The warehouse stopped the shipment before delivery; an order stopped already stays as it is. */
    Order stop() {
        if (status == OrderStatus.STOPPED) {
            return this;
        }
        if (status != OrderStatus.SHIPPED) {
            throw new ConflictException("An order that is " + status + " cannot be stopped.");
        }
        return to(this, OrderStatus.STOPPED, null);
    }

    /** The citizen moved: an order still awaiting a decision goes to the new municipality's caseworkers. */
    Order decidedIn(String municipality) {
        return new Order(id, citizenId, municipality, paidBy, status, channel, orderDate, deliveryDate, delivery,
                standingOrderId, placedAt, placedBy, rejectionReason, lines);
    }

    /** The lines to deliver: those consumption control did not refuse. */
    List<OrderLine> deliverable() {
        return lines.stream().filter(line -> line.outcome() != ConsumptionControl.Outcome.REJECTED)
                .map(line -> new OrderLine(line.productId(), line.quantity(), line.holeDiameterMm())).toList();
    }

    DeliveryFacts facts() {
        return new DeliveryFacts(new OrderId(id), new CitizenId(citizenId), new MunicipalityCode(municipalityCode),
                new MunicipalityCode(paidBy), status, deliverable(),
                delivery, orderDate, deliveryDate);
    }

    private Order expect(OrderStatus expected, String verb) {
        if (status != expected) {
            throw new ConflictException("Only an order awaiting approval can be " + verb + "; this one is " + status
                    + ".");
        }
        return this;
    }

    private static Order to(Order order, OrderStatus next, @Nullable String rejectionReason) {
        return new Order(order.id, order.citizenId, order.municipalityCode, order.paidBy, next, order.channel,
                order.orderDate, order.deliveryDate, order.delivery, order.standingOrderId, order.placedAt,
                order.placedBy, rejectionReason, order.lines);
    }
}
