package dk.fsc.warehouse;

import java.time.LocalDate;

import dk.fsc.assortment.ProductId;

/** One lot of a product in stock: {@code onHand} on the shelves, of which {@code available} is not reserved. */
public record LotStock(ProductId productId, String lot, LocalDate expiry, int onHand, int available) {
}
