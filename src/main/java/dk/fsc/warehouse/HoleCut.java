package dk.fsc.warehouse;

import dk.fsc.assortment.ProductId;

/** Baseplates cut to a size for one order line: each cut plate is billed at the hole-cutting rate. */
public record HoleCut(ProductId productId, int diameterMm, int quantity) {
}
