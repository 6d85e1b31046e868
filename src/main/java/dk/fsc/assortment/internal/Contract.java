package dk.fsc.assortment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A supplier's contract from a tender: the areas it covers, its period and the agreed discount.
 *
 * @param discountPercent the agreed discount in percent, at most two decimals (e.g. {@code 10.50})
 */
record Contract(UUID id, String tenderReference, UUID supplierId, String supplierName, List<String> areaCodes,
        LocalDate validFrom, LocalDate validTo, BigDecimal discountPercent, String notes) {

    boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }
}
