package dk.fsc.orders;

import java.time.Instant;

/**
 * An order goes ahead: accepted at placement (every line within the citizen's limits) or by
 * the caseworker's approval. Carries what the warehouse needs to pick, cut and deliver it;
 * published in the transaction that accepted it. {@code acceptedBy} is the user name of
 * whoever placed or approved it.
 */
public record OrderAccepted(DeliveryFacts order, Instant acceptedAt, String acceptedBy) {
}
