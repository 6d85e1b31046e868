package dk.fsc.orders;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An order moved from one status to another (approved, rejected, cancelled, picked, shipped, delivered). */
public record OrderStatusChanged(UUID orderId, UUID citizenId, String municipalityCode, OrderStatus from,
        OrderStatus to, Instant at, @Nullable String reason) {
}
