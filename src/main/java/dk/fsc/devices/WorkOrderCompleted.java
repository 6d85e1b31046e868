package dk.fsc.devices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dk.fsc.citizens.CitizenId;
import dk.fsc.reference.MunicipalityCode;

/**
 * A work order was completed: the billable and statistical fact of field service. Its
 * {@code minutes} are invoiced to {@code municipality} at the rate of {@code type.rateKind()}
 * valid on {@code completedOn} (Europe/Copenhagen). {@code citizenId} is empty for work in
 * the workshop (preparing, cleaning) that serves no one citizen yet.
 */
public record WorkOrderCompleted(UUID workOrderId, WorkOrderType type, @Nullable CitizenId citizenId,
        MunicipalityCode municipality, @Nullable String deviceSerial, int minutes, boolean missedTarget,
        LocalDate completedOn, Instant completedAt, String completedBy) {
}
