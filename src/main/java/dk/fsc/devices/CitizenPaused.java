package dk.fsc.devices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;

/**
 * A citizen with a device is away ({@code from..to}, both days included, Europe/Copenhagen):
 * no visits are planned and no alarms raised. A pause changed or cancelled is published again
 * with the same {@code pauseId}; {@code cancelled} true means it no longer applies.
 */
public record CitizenPaused(UUID pauseId, CitizenId citizenId, LocalDate from, LocalDate to, boolean cancelled,
        Instant recordedAt) {
}
