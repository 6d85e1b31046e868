package dk.fsc.grants;

import dk.fsc.citizens.CitizenId;

/** A grant's lines, period, address or note changed; {@code revision} is the new revision's number. */
public record GrantChanged(GrantId grantId, CitizenId citizenId, int revision) {
}
