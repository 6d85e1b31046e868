package dk.fsc.grants;

import java.util.UUID;

/** A grant's opaque id; it stays the same across the grant's revisions. */
public record GrantId(UUID value) {

    public static GrantId of(String value) {
        return new GrantId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
