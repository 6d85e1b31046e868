package dk.fsc.citizens.internal;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A citizen as stored; the CPR only in its encrypted form. */
record Citizen(UUID id, byte[] cprEncrypted, String name, String street, String postalCode, String city,
        String municipalityCode, @Nullable String phone, @Nullable String email) {

    boolean livesIn(@Nullable String municipality) {
        return municipalityCode.equals(municipality);
    }
}
