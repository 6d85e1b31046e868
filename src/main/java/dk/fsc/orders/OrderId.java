package dk.fsc.orders;

import java.util.UUID;

/** An order's opaque id. */
public record OrderId(UUID value) {

    public static OrderId of(String value) {
        return new OrderId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
