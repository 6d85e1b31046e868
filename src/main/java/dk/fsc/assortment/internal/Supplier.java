package dk.fsc.assortment.internal;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A supplier under contract.
 *
 * @param cvr the company's CVR number (modulus-11 checked)
 * @param gln its GS1 Global Location Number, where known (for e-invoices and deliveries)
 */
record Supplier(UUID id, String name, String cvr, @Nullable String gln, @Nullable String contactName,
        @Nullable String contactEmail, @Nullable String contactPhone) {
}
