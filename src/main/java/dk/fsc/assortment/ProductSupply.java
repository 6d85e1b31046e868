package dk.fsc.assortment;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who supplies a product, for ordering it: the supplier under contract and the supplier's own
 * item number, which a purchase order names.
 *
 * @param supplierGln  the supplier's GS1 location number, where known
 * @param contactEmail where purchase orders go, where known
 */
public record ProductSupply(ProductId productId, UUID supplierId, String supplierName, String supplierCvr,
        @Nullable String supplierGln, @Nullable String contactEmail, String supplierItemNumber) {
}
