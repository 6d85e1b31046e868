package dk.fsc.assortment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.problem.PayloadTooLargeException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a supplier's price list ({@link PriceListCsv}). The whole list is checked first; one
 * bad line and nothing is saved. The new prices are added in one statement, so a list of
 * tens of thousands of lines takes seconds.
 */
@Service
class ImportPriceList {

    /** About 200,000 lines: far above any supplier's list, far below a memory problem. */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    /**
     * @param added     prices added
     * @param unchanged lines whose price was recorded already with the same amount
     */
    record Result(String supplier, int added, int unchanged) {
    }

    private final SupplierRepository suppliers;
    private final ProductRepository products;
    private final PriceRepository prices;
    private final Clock clock;

    ImportPriceList(SupplierRepository suppliers, ProductRepository products, PriceRepository prices, Clock clock) {
        this.suppliers = suppliers;
        this.products = products;
        this.prices = prices;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Result load(UUID supplierId, byte[] body, String importedBy) {
        Supplier supplier = suppliers.supplier(supplierId)
                .orElseThrow(() -> new NotFoundException(SaveSupplier.NOT_FOUND));
        if (body.length > MAX_BYTES) {
            throw new PayloadTooLargeException(MAX_BYTES);
        }
        LocalDate today = AssortmentInput.today(clock);
        PriceListCsv.Parsed parsed = new PriceListCsv(products.idsBySupplierItemNumber(supplierId),
                prices.futurePrices(supplierId, today), today).parse(body);
        boolean allAdded = prices.insertAll(parsed.prices().stream()
                .map(line -> new PriceRepository.NewPrice(line.productId(), line.validFrom(), line.priceOre()))
                .toList(), "price list " + supplier.name(), clock.instant(), importedBy);
        if (!allAdded) {
            throw new ConflictException("Another change added prices for the same items and dates meanwhile;"
                    + " nothing was saved. Load the list again.");
        }
        return new Result(supplier.name(), parsed.prices().size(), parsed.unchanged());
    }
}
