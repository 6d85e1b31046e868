package dk.fsc.assortment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a product a new price from a day after today on. Prices are never changed or
 * removed, so the price of any past date stays what it was.
 */
@Service
class AddPrice {

    private final ProductRepository products;
    private final PriceRepository prices;
    private final Clock clock;

    AddPrice(ProductRepository products, PriceRepository prices, Clock clock) {
        this.products = products;
        this.prices = prices;
        this.clock = clock;
    }

    record Command(@Nullable LocalDate validFrom, @Nullable Long priceOre) {
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Price add(UUID productId, Command command, String by) {
        products.find(productId).orElseThrow(() -> new NotFoundException(SaveProduct.NOT_FOUND));
        List<FieldError> errors = new ArrayList<>();
        LocalDate validFrom = AssortmentInput.required("validFrom", command.validFrom(), errors);
        AssortmentInput.notInThePast("validFrom", validFrom, clock, errors);
        Long priceOre = AssortmentInput.required("priceOre", command.priceOre(), errors);
        if (priceOre != null && (priceOre < 0 || priceOre > PriceListCsv.MAX_PRICE_ORE)) {
            errors.add(FieldError.of("priceOre", "assortment.error.amount", PriceListCsv.MAX_PRICE_ORE));
        }
        AssortmentInput.check("The price has invalid fields.", errors);
        PriceRepository.NewPrice price = new PriceRepository.NewPrice(productId, validFrom, priceOre);
        if (!prices.insertAll(List.of(price), "manual", clock.instant(), by)) {
            long existing = prices.priceFrom(price.key()).orElseThrow();
            throw new ConflictException("The product has a price from " + validFrom + " already (" + existing
                    + " øre); prices are never changed.",
                    List.of(FieldError.of("validFrom", "assortment.error.priceTaken", existing)));
        }
        return prices.prices(productId).stream().filter(p -> p.validFrom().equals(validFrom)).findFirst()
                .orElseThrow();
    }
}
