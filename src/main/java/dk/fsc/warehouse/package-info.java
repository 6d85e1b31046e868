/**
 * The warehouse (lager): locations, stock per product, lot and expiry with a ledger of every
 * movement, goods receipt by GS1 scan, reservation of accepted orders first-expiry-first-out,
 * picking by scan, shipping and delivery through the orders module's public API.
 */
@ApplicationModule(displayName = "Warehouse",
        allowedDependencies = { "shared", "assortment", "orders", "identity", "citizens", "reference" })
@NullMarked
package dk.fsc.warehouse;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
