package dk.fsc.orders;

import java.time.LocalDate;
import java.util.List;

import dk.fsc.citizens.CitizenId;
import dk.fsc.reference.MunicipalityCode;
import org.jspecify.annotations.Nullable;

/**
 * What the warehouse needs to deliver an order.
 *
 * @param municipality the citizen's municipality, whose caseworkers decide on the order
 * @param paidBy       the municipality that pays for it: the citizen's, or during a move's
 *                     transition the one the grants' transition rule names
 * @param lines        the lines to deliver (lines consumption control refused are left out)
 * @param wantedDate   the day the citizen wants it delivered, if they said
 */
public record DeliveryFacts(OrderId orderId, CitizenId citizenId, MunicipalityCode municipality,
        MunicipalityCode paidBy, OrderStatus status, List<OrderLine> lines, DeliveryAddress deliveryAddress,
        LocalDate orderDate, @Nullable LocalDate wantedDate) {
}
