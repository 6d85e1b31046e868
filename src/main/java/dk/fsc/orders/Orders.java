package dk.fsc.orders;

import java.time.Instant;
import java.util.Optional;

/**
 * What other modules (the warehouse first) may ask of the orders: an order's delivery facts,
 * and its fulfilment steps {@code ACCEPTED → PICKING → SHIPPED → DELIVERED} (or {@code SHIPPED → STOPPED}). Not scoped to a
 * person: the calling module decides who may trigger a step. A step the order already took
 * changes nothing (listeners are at-least-once); a step out of order is refused with a
 * {@link dk.fsc.shared.problem.ConflictException}. Each step publishes
 * {@link OrderStatusChanged}; delivery also {@link OrderDelivered}.
 */
public interface Orders {

    /** The order's delivery facts, whatever its status. */
    Optional<DeliveryFacts> deliveryFacts(OrderId orderId);

    /** Picking started: only an accepted order can be picked. */
    DeliveryFacts markPicked(OrderId orderId, String by, Instant at);

    /** Handed to the carrier: only after picking. */
    DeliveryFacts markShipped(OrderId orderId, String by, Instant at);

    /** Delivered to the citizen: only after shipping. */
    DeliveryFacts markDelivered(OrderId orderId, String by, Instant at);

    /** The shipment was stopped before delivery (a recall), saying why: only after shipping. */
    DeliveryFacts markStopped(OrderId orderId, String by, Instant at, String reason);
}
