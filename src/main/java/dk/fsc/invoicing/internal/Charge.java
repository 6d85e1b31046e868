package dk.fsc.invoicing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import dk.fsc.invoicing.ChargeKind;
import dk.fsc.reference.Payer;
import org.jspecify.annotations.Nullable;

/**
 * A billable fact priced: who pays, for which month, what caused it, the citizen by the platform's
 * id (never the CPR), quantity and price, the amount in øre and the price or rate (and its validity
 * date) used. Recorded once per {@code sourceKey} and never changed.
 *
 * @param quantityUnit  what {@code quantity} counts: {@code PIECE}, {@code PLATE}, {@code SHIPMENT},
 *                      {@code MINUTE}, {@code DAY} or {@code MONTH}
 * @param priceUnit     what {@code unitPriceOre} is per, e.g. {@code HOUR} for work billed by the minute
 * @param priceBasis    the price or rate used, e.g. {@code price} or {@code rate SUPPORT}
 */
record Charge(UUID id, String sourceKey, ChargeKind kind, Payer payer, LocalDate period, String causeType,
        String causeId, @Nullable UUID citizenId, String description, long quantity, String quantityUnit,
        long unitPriceOre, String priceUnit, BigDecimal discountPercent, long amountOre, String priceBasis,
        @Nullable LocalDate priceValidFrom, boolean vatExempt) {
}
