package dk.fsc.devices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.reference.MunicipalityCode;

/**
 * The services granted with an installed device changed from {@code from} on (for example the
 * alarm service added). Published also when a lease starts, so a consumer that keeps only this
 * event knows every installed device's services. {@code leaseId} names the lease it belongs to.
 */
public record DeviceServicesChanged(UUID leaseId, String deviceSerial, CitizenId citizenId,
        MunicipalityCode municipality, Set<DeviceService> services, LocalDate from, Instant recordedAt) {
}
