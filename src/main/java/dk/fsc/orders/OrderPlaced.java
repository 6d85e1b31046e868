package dk.fsc.orders;

import java.time.LocalDate;
import java.util.List;

import dk.fsc.citizens.CitizenId;
import dk.fsc.reference.MunicipalityCode;

/**
 * An order was placed; {@code lines} are the lines that will be delivered if it goes ahead
 * (rejected lines left out). Published in the transaction that saved it; an order accepted at
 * once is followed by {@link OrderAccepted} in the same transaction.
 */
public record OrderPlaced(OrderId orderId, CitizenId citizenId, MunicipalityCode municipality, OrderStatus status,
        LocalDate orderDate, List<OrderLine> lines) {
}
