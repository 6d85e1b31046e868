package dk.fsc.grants;

import java.time.LocalDate;

import dk.fsc.citizens.CitizenId;

/**
 * A grant ends: from {@code endsOn} it is no longer in force (a caseworker's decision, or a
 * move: then {@code endsOn} is the end of the transition, and an earlier day follows in a
 * second event when the new municipality decides sooner).
 */
public record GrantEnded(GrantId grantId, CitizenId citizenId, LocalDate endsOn, String reason) {
}
