package dk.fsc.devices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dk.fsc.assortment.ProductId;
import dk.fsc.citizens.CitizenId;
import dk.fsc.reference.MunicipalityCode;

/**
 * A lease ended: {@code endsOn} is the day the takedown was ordered (not the day the device was
 * collected), counted as the lease's last day. A lease runs {@code startsOn..endsOn}, both days
 * included.
 */
public record LeasePeriodEnded(UUID leaseId, String deviceSerial, ProductId model, CitizenId citizenId,
        MunicipalityCode municipality, LocalDate startsOn, LocalDate endsOn, Instant recordedAt) {
}
