package dk.fsc.identity;

import java.time.Instant;
import java.util.UUID;

import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
import org.jspecify.annotations.Nullable;

/**
 * The append-only record of every read and change of a citizen's data and of every change
 * to a user account: who, when, which citizen or account, what, from which client. Called
 * inside the transaction of the change, so a change and its record commit together.
 */
public interface AuditLog {

    /**
     * Records that the current user did {@code action} (e.g. {@code citizen.read}, one of
     * {@link AuditAction}) on a citizen. Within one web request only the first row about a
     * citizen is written for reads; changes are always written.
     */
    void record(UUID citizenId, String action);

    /**
     * Records that the system job {@code job} did {@code action} on a citizen: actor
     * {@code system:<job>}, no roles, client {@code system}. For the citizens module's system
     * access path, which jobs and listeners use instead of pretending to be a person.
     */
    void recordForSystem(SystemJob job, UUID citizenId, String action);

    /**
     * Records that the current user did {@code action} (e.g. {@code user.create}) to the account
     * {@code username}; {@code detail} says what changed and never holds a password.
     */
    void recordUserChange(String username, String action, String detail);

    /** One row: about a citizen ({@code citizenId}) or about a user account ({@code subjectUser}). */
    record Entry(long id, Instant at, String actor, String actorRoles, @Nullable String actorMunicipality,
            @Nullable UUID citizenId, @Nullable String subjectUser, String action, @Nullable String detail,
            String client) {
    }

    /** Entries for administrators: optionally of one citizen and within a period, newest first. */
    Paged<Entry> search(@Nullable UUID citizenId, @Nullable Instant from, @Nullable Instant to, PageQuery page);

    /**
     * The citizen's own view of who has looked at their data, newest first, over the last two
     * years; without the rows of {@code exceptActor} (the citizen's own user) unless it is null.
     */
    Paged<Entry> accessLogOf(UUID citizenId, @Nullable String exceptActor, PageQuery page);
}
