package dk.fsc.citizens;

import java.time.LocalDate;

import dk.fsc.reference.MunicipalityCode;

/**
 * A citizen moved to another municipality on {@code movedOn} (today, a past day or a day to
 * come); published in the transaction that records the move.
 */
public record CitizenMoved(CitizenId citizenId, MunicipalityCode fromMunicipality, MunicipalityCode toMunicipality,
        LocalDate movedOn) {
}
