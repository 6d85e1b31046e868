package dk.fsc.grants;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A decision a municipality's caseworkers owe a citizen, e.g. on new grants after the citizen
 * moved in ({@code reason} {@code MOVED_IN}, from {@code fromMunicipality} on {@code dueToDate}).
 */
public record DecisionTask(UUID id, UUID citizenId, String municipalityCode, String reason,
        @Nullable String fromMunicipality, LocalDate dueToDate, Instant createdAt) {
}
