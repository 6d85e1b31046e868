package dk.fsc.assortment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The discount agreed in the contract that covers a product (its supplier and area) on a day.
 *
 * @param percent at most two decimals, e.g. {@code 10.50}
 */
public record ContractDiscount(UUID contractId, String tenderReference, LocalDate validFrom, BigDecimal percent) {
}
