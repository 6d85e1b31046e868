package dk.fsc.devices;

import java.time.Instant;
import java.util.UUID;

/**
 * Another module asks for work on an installed device (a refill before it runs empty, a repair
 * after a fault, a service visit after repeated outages). The devices module creates one work
 * order per {@code requestId}, however often the event arrives, and plans it.
 */
public record WorkOrderRequested(UUID requestId, WorkOrderType type, String deviceSerial, boolean acute,
        String reason, Instant requestedAt, String requestedBy) {
}
