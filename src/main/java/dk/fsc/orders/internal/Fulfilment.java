package dk.fsc.orders.internal;

import java.time.Instant;
import java.util.Optional;

import dk.fsc.orders.DeliveryFacts;
import dk.fsc.orders.OrderId;
import dk.fsc.orders.OrderStatus;
import dk.fsc.orders.Orders;
import dk.fsc.shared.problem.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The orders' public API for other modules: delivery facts and the fulfilment steps, with the order row locked. */
@Service
class Fulfilment implements Orders {

    private final OrderRepository orders;
    private final OrderLifecycle lifecycle;

    Fulfilment(OrderRepository orders, OrderLifecycle lifecycle) {
        this.orders = orders;
        this.lifecycle = lifecycle;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DeliveryFacts> deliveryFacts(OrderId orderId) {
        return orders.find(orderId.value()).map(Order::facts);
    }

    @Override
    @Transactional
    public DeliveryFacts markPicked(OrderId orderId, String by, Instant at) {
        return reach(orderId, OrderStatus.PICKING, by, at);
    }

    @Override
    @Transactional
    public DeliveryFacts markShipped(OrderId orderId, String by, Instant at) {
        return reach(orderId, OrderStatus.SHIPPED, by, at);
    }

    @Override
    @Transactional
    public DeliveryFacts markDelivered(OrderId orderId, String by, Instant at) {
        return reach(orderId, OrderStatus.DELIVERED, by, at);
    }

    @Override
    @Transactional
    public DeliveryFacts markStopped(OrderId orderId, String by, Instant at, String reason) {
        Order order = orders.findForUpdate(orderId.value())
                .orElseThrow(() -> new NotFoundException(OrderDecisions.NO_ORDER));
        return lifecycle.stepped(order, order.stop(), at, by, reason).facts();
    }

    private DeliveryFacts reach(OrderId orderId, OrderStatus step, String by, Instant at) {
        Order order = orders.findForUpdate(orderId.value())
                .orElseThrow(() -> new NotFoundException(OrderDecisions.NO_ORDER));
        return lifecycle.stepped(order, order.reach(step), at, by, null).facts();
    }
}
