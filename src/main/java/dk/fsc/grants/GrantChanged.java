package dk.fsc.grants;

import java.util.UUID;

/** A grant's lines, period, address or note changed; {@code revision} is the new revision's number. */
public record GrantChanged(UUID grantId, UUID citizenId, int revision) {
}
