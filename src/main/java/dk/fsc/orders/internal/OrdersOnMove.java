package dk.fsc.orders.internal;

import dk.fsc.citizens.CitizenMoved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A citizen who moves takes their orders awaiting approval along: from then on the new
 * municipality's caseworkers see them on their work list and decide them, and the old
 * municipality's no longer do. A second delivery of the event changes nothing.
 */
@Component
class OrdersOnMove {

    private final OrderRepository orders;

    OrdersOnMove(OrderRepository orders) {
        this.orders = orders;
    }

    @ApplicationModuleListener
    void on(CitizenMoved moved) {
        String from = moved.fromMunicipality().value();
        orders.awaitingOfCitizenForUpdate(moved.citizenId().value()).stream()
                .filter(order -> order.municipalityCode().equals(from))
                .forEach(order -> orders.update(order.decidedIn(moved.toMunicipality().value())));
    }
}
