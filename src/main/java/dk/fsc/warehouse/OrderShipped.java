package dk.fsc.warehouse;

import java.time.Instant;
import java.util.List;

import dk.fsc.citizens.CitizenId;
import dk.fsc.orders.OrderId;
import dk.fsc.reference.MunicipalityCode;

/**
 * An order was picked in full and handed to the carrier. {@code paidBy} is the municipality that
 * pays, {@code lines} what was packed, lot by lot; no prices.
 */
public record OrderShipped(OrderId orderId, CitizenId citizenId, MunicipalityCode municipality,
        MunicipalityCode paidBy, List<DeliveredLine> lines, String carrier, String trackingNumber, Instant shippedAt,
        String shippedBy) {
}
