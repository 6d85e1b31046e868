package dk.fsc.orders;

import java.time.Instant;

import dk.fsc.citizens.CitizenId;
import dk.fsc.reference.MunicipalityCode;
import org.jspecify.annotations.Nullable;

/**
 * An order moved from one status to another (approved, rejected, cancelled, picked, shipped,
 * delivered), by {@code by} (a user name, or the module that did it) at {@code at}.
 */
public record OrderStatusChanged(OrderId orderId, CitizenId citizenId, MunicipalityCode municipality, OrderStatus from,
        OrderStatus to, Instant at, String by, @Nullable String reason) {
}
