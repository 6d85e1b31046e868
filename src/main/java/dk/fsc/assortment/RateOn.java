package dk.fsc.assortment;

import java.time.LocalDate;

/**
 * A service rate FSC charges, as valid on a day: {@code amountOre} per {@code unit} (e.g.
 * {@code MINUTE}, {@code HOUR}, {@code PLATE}), valid from {@code validFrom}.
 */
public record RateOn(String kind, String unit, LocalDate validFrom, long amountOre) {
}
