package dk.fsc.grants;

import java.util.UUID;

/** A caseworker granted a citizen products; published in the transaction that saved it. */
public record GrantMade(UUID grantId, UUID citizenId, String municipalityCode) {
}
