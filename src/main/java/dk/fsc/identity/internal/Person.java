package dk.fsc.identity.internal;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An authenticated person as the platform sees them, whether a local user or one who logged
 * in through the broker: the name and what binds their roles. Their roles are the
 * authentication's {@code ROLE_} authorities.
 */
interface Person {

    String name();

    @Nullable String municipalityCode();

    @Nullable String regionCode();

    @Nullable UUID citizenId();
}
