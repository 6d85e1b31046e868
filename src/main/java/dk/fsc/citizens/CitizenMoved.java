package dk.fsc.citizens;

import java.time.LocalDate;
import java.util.UUID;

/** A citizen moved to another municipality; published in the transaction that records the move. */
public record CitizenMoved(UUID citizenId, String fromMunicipality, String toMunicipality, LocalDate movedOn) {
}
