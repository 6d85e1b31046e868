package dk.fsc.orders;

import dk.fsc.assortment.ProductId;
import org.jspecify.annotations.Nullable;

/** A line to deliver: the product, how many, and the hole a baseplate is cut to (millimetres), if any. */
public record OrderLine(ProductId productId, int quantity, @Nullable Integer holeDiameterMm) {
}
