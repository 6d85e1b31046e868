package dk.fsc.orders.internal;

import java.time.Instant;

import dk.fsc.citizens.CitizenId;
import dk.fsc.orders.OrderAccepted;
import dk.fsc.orders.OrderDelivered;
import dk.fsc.orders.OrderId;
import dk.fsc.orders.OrderPlaced;
import dk.fsc.orders.OrderStatus;
import dk.fsc.orders.OrderStatusChanged;
import dk.fsc.reference.MunicipalityCode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Saves what happens to an order and tells the other modules, in the same transaction: the
 * one place that publishes {@link OrderPlaced}, {@link OrderAccepted} (however the order
 * became accepted), {@link OrderStatusChanged} and {@link OrderDelivered}.
 */
@Component
class OrderLifecycle {

    private final OrderRepository orders;
    private final ApplicationEventPublisher events;

    OrderLifecycle(OrderRepository orders, ApplicationEventPublisher events) {
        this.orders = orders;
        this.events = events;
    }

    void placed(Order order) {
        orders.insert(order);
        events.publishEvent(new OrderPlaced(new OrderId(order.id()), new CitizenId(order.citizenId()),
                new MunicipalityCode(order.municipalityCode()), order.status(), order.orderDate(),
                order.deliverable()));
        if (order.status() == OrderStatus.ACCEPTED) {
            events.publishEvent(new OrderAccepted(order.facts(), order.placedAt(), order.placedBy()));
        }
    }

    /** The order took a step ({@code next}); a step it had already taken ({@code next == before}) changes nothing. */
    Order stepped(Order before, Order next, Instant at, String by, @Nullable String reason) {
        if (next == before) {
            return next;
        }
        orders.update(next);
        orders.recordStatus(next.id(), before.status(), next.status(), at, by, reason);
        events.publishEvent(new OrderStatusChanged(new OrderId(next.id()), new CitizenId(next.citizenId()),
                new MunicipalityCode(next.municipalityCode()), before.status(), next.status(), at, by, reason));
        if (next.status() == OrderStatus.ACCEPTED) {
            events.publishEvent(new OrderAccepted(next.facts(), at, by));
        }
        if (next.status() == OrderStatus.DELIVERED) {
            events.publishEvent(new OrderDelivered(new OrderId(next.id()), new CitizenId(next.citizenId()),
                    new MunicipalityCode(next.paidBy()), next.deliverable(), at, by));
        }
        return next;
    }
}
