package dk.fsc.devices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import dk.fsc.assortment.ProductId;
import dk.fsc.citizens.CitizenId;
import dk.fsc.reference.MunicipalityCode;

/**
 * A device was installed at a citizen: its lease to {@code municipality} runs from
 * {@code startsOn} (the installation day, Europe/Copenhagen, counted) until a
 * {@link LeasePeriodEnded} with the same {@code leaseId}. {@code services} are those granted with it
 * at the start; later changes come as {@link DeviceServicesChanged}.
 */
public record LeasePeriodStarted(UUID leaseId, String deviceSerial, ProductId model, CitizenId citizenId,
        MunicipalityCode municipality, Set<DeviceService> services, LocalDate startsOn, Instant recordedAt) {
}
