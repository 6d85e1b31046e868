package dk.fsc.orders;

import java.time.Instant;
import java.util.List;

import dk.fsc.citizens.CitizenId;
import dk.fsc.reference.MunicipalityCode;

/**
 * An order reached the citizen: the billable fact. {@code paidBy} is the municipality that
 * pays, {@code lines} what was delivered; no prices (invoicing prices the facts by the
 * assortment's prices on the day).
 */
public record OrderDelivered(OrderId orderId, CitizenId citizenId, MunicipalityCode paidBy, List<OrderLine> lines,
        Instant deliveredAt, String deliveredBy) {
}
