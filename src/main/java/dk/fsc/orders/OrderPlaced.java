package dk.fsc.orders;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.fsc.assortment.ProductId;
import org.jspecify.annotations.Nullable;

/**
 * An order was placed; {@code lines} are the lines that will be delivered if it goes ahead
 * (rejected lines left out). Published in the transaction that saved it.
 */
public record OrderPlaced(UUID orderId, UUID citizenId, String municipalityCode, OrderStatus status,
        LocalDate orderDate, List<Line> lines) {

    public record Line(ProductId productId, int quantity, @Nullable Integer holeDiameterMm) {
    }
}
