package dk.fsc.citizens;

import java.util.Optional;
import java.util.UUID;

/** What other modules may ask of the citizen register; every answer is scoped to the caller and audited. */
public interface Citizens {

    /** The citizen, if the current user may see them; the read is recorded in the audit log. */
    Optional<CitizenView> find(UUID citizenId);
}
