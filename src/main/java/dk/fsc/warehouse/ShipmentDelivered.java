package dk.fsc.warehouse;

import java.time.Instant;
import java.util.List;

import dk.fsc.citizens.CitizenId;
import dk.fsc.orders.OrderId;
import dk.fsc.reference.MunicipalityCode;

/**
 * A shipment reached the citizen: the delivery itself, the lots delivered and the baseplates cut,
 * for invoicing, statistics and a later recall's list of who received a lot.
 */
public record ShipmentDelivered(OrderId orderId, CitizenId citizenId, MunicipalityCode municipality,
        MunicipalityCode paidBy, List<DeliveredLine> lines, List<HoleCut> holeCuts, String carrier, String trackingNumber,
        Instant deliveredAt, String deliveredBy) {
}
