package dk.fsc.citizens;

import java.util.Optional;
import java.util.UUID;

import dk.fsc.identity.SystemJob;

/**
 * How jobs and listeners read the citizen register: as the system job they are, never as a
 * person. Every read is written to the audit log as the job ({@code system:<job>}), in the
 * caller's transaction. The path refuses a call made while a web request or a person's login
 * is bound to the thread, so no request can borrow the system's sight; no controller uses it.
 * The CPR number is masked in what it returns.
 */
public interface CitizensForSystem {

    /**
     * The citizen, whatever municipality they live in; the read is recorded as {@code action}
     * (e.g. {@code order.standing}) by {@code job}.
     *
     * @throws IllegalStateException when called within a web request or with a person logged in
     */
    Optional<CitizenView> find(SystemJob job, UUID citizenId, String action);
}
