package dk.fsc.assortment;

import java.util.UUID;

/** A product's or device model's opaque id. */
public record ProductId(UUID value) {

    public static ProductId of(String value) {
        return new ProductId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
