package dk.fsc.grants;

import java.time.LocalDate;
import java.util.UUID;

/** A grant ends: from {@code endsOn} it is no longer in force (a caseworker's decision, or a move). */
public record GrantEnded(UUID grantId, UUID citizenId, LocalDate endsOn, String reason) {
}
