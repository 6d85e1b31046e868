package dk.fsc.grants;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.reference.MunicipalityCode;
import org.jspecify.annotations.Nullable;

/**
 * A decision a municipality's caseworkers owe a citizen, e.g. on new grants after the citizen
 * moved in ({@code reason} {@code MOVED_IN}, from {@code fromMunicipality} on {@code dueToDate}).
 */
public record DecisionTask(UUID id, CitizenId citizenId, MunicipalityCode municipality, String reason,
        @Nullable MunicipalityCode fromMunicipality, LocalDate dueToDate, Instant createdAt) {
}
