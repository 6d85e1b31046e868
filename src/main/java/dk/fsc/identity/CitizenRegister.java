package dk.fsc.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.shared.Cpr;

/**
 * What identity asks of the citizen register when it binds a login to a citizen: whether a
 * citizen is registered, which citizen a CPR number (from a MitID login) belongs to, and, for
 * the administrator choosing the citizen of a login, who matches a name or CPR number.
 * Implemented by the citizens module, which itself depends on identity. The first two answers
 * are neither scoped to a caller nor audited: they serve logins, not the reading of a citizen's
 * data. The choices are reads of citizens: scoped to the caller and audited, as any search is.
 */
public interface CitizenRegister {

    boolean isRegistered(UUID citizenId);

    Optional<UUID> citizenWithCpr(Cpr cpr);

    /**
     * The citizens the caller may see whose name contains {@code nameOrCpr}, or whose CPR number
     * it is (ten digits, with or without a hyphen or space).
     *
     * @throws dk.fsc.shared.problem.InvalidInputException naming the field {@code query} when it
     *                                                     is neither a CPR number nor 2 to 200 characters of a name
     */
    List<CitizenChoice> choices(String nameOrCpr);

    /** The citizen, if the caller may see them. */
    Optional<CitizenChoice> choice(UUID citizenId);
}
