package dk.fsc.assortment.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ContractDiscount;
import dk.fsc.assortment.ProductArea;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductSupply;
import dk.fsc.assortment.ProductView;
import dk.fsc.assortment.RateOn;
import dk.fsc.shared.Gtin;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assortment as other modules ask it. Not restricted by role: the assortment holds no
 * personal data, and other modules also ask from event listeners, where no user is signed in.
 * People reach it only through the signed-in web and API entry points.
 */
@Service
@Transactional(readOnly = true)
class AssortmentCatalog implements Assortment {

    private final ProductRepository products;
    private final PriceRepository prices;
    private final AreaRepository areas;
    private final ServiceRateRepository rates;
    private final SupplierRepository suppliers;

    AssortmentCatalog(ProductRepository products, PriceRepository prices, AreaRepository areas,
            ServiceRateRepository rates, SupplierRepository suppliers) {
        this.products = products;
        this.suppliers = suppliers;
        this.rates = rates;
        this.prices = prices;
        this.areas = areas;
    }

    @Override
    public Optional<ProductView> product(ProductId id) {
        return products.find(id.value()).map(Product::view);
    }

    @Override
    public Optional<ProductView> productByGtin(Gtin gtin) {
        return products.findByGtin14(gtin.as14Digits()).map(Product::view);
    }

    @Override
    public Map<ProductId, ProductView> products(Collection<ProductId> ids) {
        Map<ProductId, ProductView> found = new LinkedHashMap<>();
        products.findAll(ids.stream().map(ProductId::value).toList())
                .forEach(product -> found.put(new ProductId(product.id()), product.view()));
        return found;
    }

    @Override
    public Optional<ProductView> offeredInPlaceOf(ProductId id, LocalDate date) {
        return offered(id.value(), date).map(Product::view);
    }

    /**
     * The product itself while active on {@code date}, else the first product along its chain of
     * replacements that is; the chain is followed once around at most, should it ever close on itself.
     */
    Optional<Product> offered(UUID id, LocalDate date) {
        Set<UUID> seen = new HashSet<>();
        Optional<Product> current = products.find(id);
        while (current.isPresent() && seen.add(current.get().id())) {
            Product product = current.get();
            if (product.activeOn(date)) {
                return current;
            }
            if (product.replacedBy() == null) {
                return Optional.empty();
            }
            current = products.find(product.replacedBy());
        }
        return Optional.empty();
    }

    @Override
    public OptionalLong priceOn(ProductId id, LocalDate date) {
        return prices.priceOn(id.value(), date);
    }

    @Override
    public Optional<RateOn> rateOn(String kind, @Nullable ProductId model, LocalDate date) {
        return rates.rateOn(kind, model == null ? null : model.value(), date);
    }

    @Override
    public Optional<ContractDiscount> discountOn(ProductId id, LocalDate date) {
        return prices.discountOn(id.value(), date);
    }

    @Override
    public Map<ProductId, ProductSupply> supplies(Collection<ProductId> ids) {
        Map<UUID, Supplier> suppliers = new HashMap<>();
        Map<ProductId, ProductSupply> supplies = new LinkedHashMap<>();
        for (Product product : products.findAll(ids.stream().map(ProductId::value).toList())) {
            Supplier supplier = suppliers.computeIfAbsent(product.supplierId(),
                    id -> this.suppliers.supplier(id).orElseThrow());
            supplies.put(new ProductId(product.id()), new ProductSupply(new ProductId(product.id()), supplier.id(),
                    supplier.name(), supplier.cvr(), supplier.gln(), supplier.contactEmail(),
                    product.supplierItemNumber()));
        }
        return supplies;
    }

    @Override
    public boolean areaExists(String areaCode) {
        return areas.areaExists(areaCode);
    }

    @Override
    public List<ProductArea> areas() {
        return areas.areas().stream().map(area -> new ProductArea(area.code(), area.nameDa(), area.nameEn(),
                area.groups().stream().map(group -> new ProductArea.Group(group.code(), group.nameDa(), group.nameEn()))
                        .toList()))
                .toList();
    }

    @Override
    public boolean groupExists(String groupCode) {
        return areas.group(groupCode).isPresent();
    }

    @Override
    public List<ProductView> activeInArea(String areaCode, LocalDate date) {
        return products.activeInArea(areaCode, date).stream().map(Product::view).toList();
    }

    @Override
    public List<ProductView> activeInGroup(String groupCode, LocalDate date) {
        return products.activeInGroup(groupCode, date).stream().map(Product::view).toList();
    }
}
