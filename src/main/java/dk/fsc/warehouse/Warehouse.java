package dk.fsc.warehouse;

import java.util.List;

import dk.fsc.assortment.ProductId;

/** What other modules may ask of the warehouse: a product's stock per lot. */
public interface Warehouse {

    /** Every lot of {@code productId} in stock, first expiry first, summed over its locations. */
    List<LotStock> stockOf(ProductId productId);
}
