package dk.fsc.orders.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.ConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-click repeat: the citizen's last order again, its refused lines left out, products
 * that have left the assortment swapped for their replacements and plates cut to the size
 * last remembered. The new order is checked like any other.
 */
@Service
class RepeatLastOrder {

    /** Staff repeat an order on the phone; a citizen's own repeat is {@code WEB} by {@link PlaceOrder#channel}. */
    private static final String STAFF_CHANNEL = Order.Channel.PHONE.name();

    private final OrderRepository orders;
    private final ReadOrders reads;
    private final PlaceOrder placeOrder;
    private final Assortment assortment;
    private final Clock clock;

    RepeatLastOrder(OrderRepository orders, ReadOrders reads, PlaceOrder placeOrder, Assortment assortment,
            Clock clock) {
        this.orders = orders;
        this.reads = reads;
        this.placeOrder = placeOrder;
        this.assortment = assortment;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITIZEN', 'FSC_AGENT', 'MUNICIPAL_CASEWORKER')")
    public PlaceOrder.Placed repeat(UUID citizenId, @Nullable String idempotencyKey) {
        reads.citizen(citizenId, "order.read");
        Order last = orders.lastOf(citizenId)
                .orElseThrow(() -> new ConflictException("The citizen has no earlier order to repeat."));
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        Map<ProductId, ReadOrders.CutSize> cutSizes = reads.cutSizesByProduct(citizenId);
        List<PlaceOrder.LineCommand> lines = last.lines().stream()
                .filter(line -> line.outcome() != ConsumptionControl.Outcome.REJECTED)
                .map(line -> {
                    ProductId product = assortment.offeredInPlaceOf(line.productId(), today)
                            .map(offered -> offered.id()).orElse(line.productId());
                    ReadOrders.CutSize size = cutSizes.get(product);
                    Integer hole = size != null ? Integer.valueOf(size.diameterMm()) : line.holeDiameterMm();
                    return new PlaceOrder.LineCommand(product.value(), (long) line.quantity(),
                            hole == null ? null : hole.longValue());
                })
                .toList();
        return placeOrder.place(new PlaceOrder.Command(citizenId, lines, STAFF_CHANNEL, null), idempotencyKey);
    }
}
