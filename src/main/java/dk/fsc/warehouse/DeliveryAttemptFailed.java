package dk.fsc.warehouse;

import java.time.Instant;
import java.time.LocalDate;

import dk.fsc.citizens.CitizenId;
import dk.fsc.orders.OrderId;
import dk.fsc.reference.MunicipalityCode;

/**
 * The carrier could not deliver a shipment: it is tried again on {@code nextDeliveryDate}, the
 * next day its delivery route is driven. From the second failure on ({@code failedAttempts >= 2})
 * an agent calls the citizen. Carries no CPR number and no address.
 */
public record DeliveryAttemptFailed(OrderId orderId, CitizenId citizenId, MunicipalityCode municipality,
        String carrier, String trackingNumber, int failedAttempts, LocalDate nextDeliveryDate, Instant occurredAt) {

    /** Whether an agent should call the citizen. */
    public boolean callCitizen() {
        return failedAttempts >= 2;
    }
}
