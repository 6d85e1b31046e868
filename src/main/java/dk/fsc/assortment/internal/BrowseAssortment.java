package dk.fsc.assortment.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What people read of the assortment: any signed-in user, since it holds no personal data. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
class BrowseAssortment {

    private final ProductRepository products;
    private final PriceRepository prices;
    private final AreaRepository areas;
    private final AssortmentCatalog catalog;
    private final Clock clock;

    BrowseAssortment(ProductRepository products, PriceRepository prices, AreaRepository areas,
            AssortmentCatalog catalog, Clock clock) {
        this.products = products;
        this.prices = prices;
        this.areas = areas;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * @param q      part of the name, or the start of an item number (FSC's or the supplier's), GTIN or ISO code
     * @param active whether in the assortment today; null for both
     */
    record Query(@Nullable String area, @Nullable String group, @Nullable UUID supplierId, @Nullable String q,
            @Nullable Boolean active) {
    }

    public Paged<Product> search(Query query, PageQuery page) {
        List<FieldError> errors = new ArrayList<>();
        String area = blankToNull(query.area());
        if (area != null && !areas.areaExists(area)) {
            errors.add(FieldError.of("area", "assortment.error.unknownArea"));
        }
        String group = blankToNull(query.group());
        if (group != null && areas.group(group).isEmpty()) {
            errors.add(FieldError.of("group", "assortment.error.unknownGroup"));
        }
        String text = blankToNull(query.q());
        if (text != null && text.length() > 100) {
            errors.add(FieldError.of("q", "assortment.error.maxLength", 100));
        }
        AssortmentInput.check("The search has invalid parameters.", errors);
        return products.search(new ProductRepository.Criteria(area, group, query.supplierId(), text, query.active(),
                AssortmentInput.today(clock)), page);
    }

    /** The price each of the products has today, in øre; those without a price are left out. */
    public Map<UUID, Long> pricesToday(List<Product> found) {
        return prices.pricesOn(found.stream().map(Product::id).toList(), AssortmentInput.today(clock));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Product product(UUID id) {
        return products.find(id).orElseThrow(() -> new NotFoundException(SaveProduct.NOT_FOUND));
    }

    /** Newest first. */
    public List<Price> prices(UUID productId) {
        product(productId);
        return prices.prices(productId);
    }

    /**
     * A product's page: the product, its prices (newest first), the product offered in its place
     * today when that is another, and the products it replaced.
     */
    record Details(Product product, List<Price> prices, @Nullable Product offeredToday, List<Product> replaces) {
    }

    public Details details(UUID id) {
        Product product = product(id);
        Optional<Product> offered = catalog.offered(id, AssortmentInput.today(clock));
        return new Details(product, prices.prices(id),
                offered.filter(other -> !other.id().equals(id)).orElse(null), products.replacing(id));
    }

    public List<Area> areas() {
        return areas.areas();
    }

    public List<AreaRepository.DeviceFunction> deviceFunctions() {
        return areas.deviceFunctions();
    }
}
