package dk.fsc.citizens;

import java.util.UUID;

/** A citizen's opaque id, the same in every module. */
public record CitizenId(UUID value) {

    public static CitizenId of(String value) {
        return new CitizenId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
