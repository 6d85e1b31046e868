package dk.fsc.grants;

import dk.fsc.citizens.CitizenId;
import dk.fsc.reference.MunicipalityCode;

/** A caseworker granted a citizen products; published in the transaction that saved it. */
public record GrantMade(GrantId grantId, CitizenId citizenId, MunicipalityCode municipality) {
}
