package dk.fsc.assortment.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A product's price in øre from {@code validFrom} on, until the next price's valid-from.
 *
 * @param source {@code manual} or the price list it came from
 */
record Price(LocalDate validFrom, long priceOre, String source, Instant recordedAt, String recordedBy) {
}
