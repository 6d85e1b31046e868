/**
 * Invoicing and cost allocation: a ledger of charges priced when each billable fact arrives
 * from the other modules' events, allocation keys that split shared costs exactly to the øre,
 * and the monthly invoice run with gapless numbering, credit notes and VAT.
 */
@ApplicationModule(displayName = "Invoicing",
        allowedDependencies = { "shared", "reference", "assortment", "grants", "identity", "citizens", "orders",
                "warehouse", "support", "devices" })
@NullMarked
package dk.fsc.invoicing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
