package dk.fsc.invoicing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ContractDiscount;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.assortment.RateOn;
import dk.fsc.invoicing.ChargeKind;
import dk.fsc.reference.Payer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Prices billable facts when they are recorded: products at the assortment price valid on the
 * delivery date less the discount of the contract covering them that day, services at FSC's
 * service rate valid on the day of the service. A fact without a price or rate is not billed
 * at a guess: the listener fails and the event is delivered again once the price exists.
 */
@Component
class Pricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Assortment assortment;
    private final ChargeRepository charges;

    Pricing(Assortment assortment, ChargeRepository charges) {
        this.assortment = assortment;
        this.charges = charges;
    }

    /** What a charge says of the fact before it is priced. */
    record Fact(String sourceKey, ChargeKind kind, Payer payer, LocalDate day, String causeType, String causeId,
            @Nullable UUID citizenId, String description, long quantity, String quantityUnit) {
    }

    Charge product(Fact fact, ProductId productId) {
        long price = assortment.priceOn(productId, fact.day()).orElseThrow(() -> new IllegalStateException(
                "No price of product " + productId.value() + " on " + fact.day() + " to bill " + fact.sourceKey()));
        BigDecimal discount = assortment.discountOn(productId, fact.day()).map(ContractDiscount::percent)
                .orElse(BigDecimal.ZERO);
        long amount = BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(fact.quantity()))
                .multiply(HUNDRED.subtract(discount)).divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
        String name = assortment.product(productId).map(ProductView::name).orElse(productId.value().toString());
        return charge(fact, fact.description() + name, price, "PIECE", discount, amount, "price",
                null, productId.value());
    }

    /** A service at a rate per its own unit (a minute, a plate, a shipment). */
    Charge service(Fact fact, String rateKind) {
        RateOn rate = rate(fact, rateKind, null);
        return charge(fact, fact.description(), rate.amountOre(), rate.unit(), BigDecimal.ZERO,
                Math.multiplyExact(rate.amountOre(), fact.quantity()), "rate " + rate.kind(), rate.validFrom(), null);
    }

    /** Work at an hourly rate billed by the minute, rounded half up to the øre per work order. */
    Charge hourly(Fact fact, String rateKind) {
        RateOn rate = rate(fact, rateKind, null);
        long amount = BigDecimal.valueOf(rate.amountOre()).multiply(BigDecimal.valueOf(fact.quantity()))
                .divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP).longValueExact();
        return charge(fact, fact.description(), rate.amountOre(), rate.unit(), BigDecimal.ZERO, amount,
                "rate " + rate.kind(), rate.validFrom(), null);
    }

    RateOn rate(Fact fact, String rateKind, @Nullable ProductId model) {
        return assortment.rateOn(rateKind, model, fact.day()).orElseThrow(() -> new IllegalStateException(
                "No " + rateKind + " rate on " + fact.day() + " to bill " + fact.sourceKey()));
    }

    /** A charge at an amount worked out by the caller (a lease's days, a share of storage or of an allocation). */
    Charge charge(Fact fact, String description, long unitPriceOre, String priceUnit, BigDecimal discount,
            long amountOre, String priceBasis, @Nullable LocalDate priceValidFrom, @Nullable UUID productId) {
        return new Charge(UUID.randomUUID(), fact.sourceKey(), fact.kind(), fact.payer(), fact.day().withDayOfMonth(1),
                fact.causeType(), fact.causeId(), fact.citizenId(), description, fact.quantity(), fact.quantityUnit(),
                unitPriceOre, priceUnit, discount, amountOre, priceBasis, priceValidFrom,
                charges.vatExempt(fact.kind(), productId));
    }
}
