package dk.fsc.citizens;

import java.util.Optional;
import java.util.UUID;

import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
import org.jspecify.annotations.Nullable;

/** What other modules may ask of the citizen register; every answer is scoped to the caller and audited. */
public interface Citizens {

    /** The citizen, if the current user may see them; the read is recorded in the audit log. */
    default Optional<CitizenView> find(UUID citizenId) {
        return find(citizenId, "citizen.read");
    }

    /**
     * The citizen, if the current user may see them, for another module's use case: the
     * access is recorded in the audit log as {@code action} (e.g. {@code order.place}), in the
     * caller's transaction, so one request writes one row that says what it was for.
     */
    Optional<CitizenView> find(UUID citizenId, String action);

    /**
     * The citizens the current user may see found by exactly one of CPR number, name (part of it)
     * or phone, by the register's search rules (an {@link dk.fsc.shared.problem.InvalidInputException}
     * names the field otherwise); each citizen found is recorded in the audit log.
     */
    Paged<CitizenView> search(@Nullable String cpr, @Nullable String name, @Nullable String phone, PageQuery page);
}
