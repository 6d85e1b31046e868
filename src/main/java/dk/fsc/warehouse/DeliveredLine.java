package dk.fsc.warehouse;

import java.time.LocalDate;

import dk.fsc.assortment.ProductId;

/** What left the warehouse for one order line: how many of which lot. A line taken from two lots is two. */
public record DeliveredLine(ProductId productId, int quantity, String lot, LocalDate expiry) {
}
