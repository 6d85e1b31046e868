/**
 * The joint assortment: one set of products, device models, suppliers, contracts, prices
 * over time and FSC's service rates, the same for every municipality and the region.
 */
@ApplicationModule(displayName = "Assortment", allowedDependencies = { "shared", "identity" })
@NullMarked
package dk.fsc.assortment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
