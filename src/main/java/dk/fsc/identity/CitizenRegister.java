package dk.fsc.identity;

import java.util.Optional;
import java.util.UUID;

import dk.fsc.shared.Cpr;

/**
 * What identity asks of the citizen register when it binds a login to a citizen: whether a
 * citizen is registered, and which citizen a CPR number (from a MitID login) belongs to.
 * Implemented by the citizens module, which itself depends on identity. Neither answer is
 * scoped to a caller or audited: both serve logins and user administration, not the reading
 * of a citizen's data.
 */
public interface CitizenRegister {

    boolean isRegistered(UUID citizenId);

    Optional<UUID> citizenWithCpr(Cpr cpr);
}
