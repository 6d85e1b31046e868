package dk.fsc.grants;

import java.time.LocalDate;
import java.util.List;

import dk.fsc.citizens.CitizenId;

/** What other modules may ask of the grants. */
public interface Grants {

    /**
     * The lines of every grant of the citizen in force on {@code date}. Not scoped to the
     * caller: a module asks only after it has checked through the citizens module that the
     * caller may see the citizen. After a move this includes the old municipality's grants
     * for the transition, until the new municipality decides.
     */
    List<GrantedLine> inForce(CitizenId citizenId, LocalDate date);

    /** The open decision tasks of the calling caseworker's municipality, oldest first. */
    List<DecisionTask> openDecisions();
}
