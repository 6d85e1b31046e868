package dk.fsc.orders.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.fsc.assortment.ProductId;
import dk.fsc.orders.OrderStatus;
import dk.fsc.shared.problem.ConflictException;
import org.jspecify.annotations.Nullable;

/** An order and its lines as consumption control decided them; the status changes only through its methods. */
record Order(UUID id, UUID citizenId, String municipalityCode, OrderStatus status, Channel channel,
        LocalDate orderDate, @Nullable LocalDate deliveryDate, Address delivery, @Nullable UUID standingOrderId,
        Instant placedAt, String placedBy, List<Line> lines) {

    enum Channel {
        WEB, PHONE, STANDING_ORDER
    }

    record Address(String street, String postalCode, String city) {
    }

    record Line(int position, ProductId productId, int quantity, @Nullable Integer holeDiameterMm,
            ConsumptionControl.Outcome outcome, ConsumptionControl.@Nullable Reason reason,
            @Nullable ProductId replacement, @Nullable UUID grantLineId) {
    }

    /** The caseworker lets an order over the limit go ahead. */
    Order approve() {
        return to(expect(OrderStatus.AWAITING_APPROVAL, "approved"), OrderStatus.ACCEPTED);
    }

    /** The caseworker refuses an order over the limit. */
    Order reject() {
        return to(expect(OrderStatus.AWAITING_APPROVAL, "rejected"), OrderStatus.REJECTED);
    }

    /** Cancelled by the citizen or on their behalf, until picking starts. */
    Order cancel() {
        if (!status.cancellable()) {
            throw new ConflictException("An order that is " + status + " can no longer be cancelled.");
        }
        return to(this, OrderStatus.CANCELLED);
    }

    /** The next step of fulfilment: picking, shipped, delivered. */
    Order advance() {
        if (!status.advanceable()) {
            throw new ConflictException("An order that is " + status + " has no next fulfilment step.");
        }
        return to(this, status.next());
    }

    private Order expect(OrderStatus expected, String verb) {
        if (status != expected) {
            throw new ConflictException("Only an order awaiting approval can be " + verb + "; this one is " + status
                    + ".");
        }
        return this;
    }

    private static Order to(Order order, OrderStatus next) {
        return new Order(order.id, order.citizenId, order.municipalityCode, next, order.channel, order.orderDate,
                order.deliveryDate, order.delivery, order.standingOrderId, order.placedAt, order.placedBy, order.lines);
    }
}
