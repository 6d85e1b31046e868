package dk.fsc.identity;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A citizen as the user administration offers them to bind a login to: who they are and where
 * they live, never their CPR number.
 */
public record CitizenChoice(UUID id, String name, @Nullable String municipalityName) {
}
