/**
 * Orders (bestillinger) and consumption control (forbrugsstyring): every order line is
 * checked against the citizen's grants on the order date; an order over a period's limit
 * waits for the caseworker. Also cut sizes, standing orders and the order lifecycle.
 */
@ApplicationModule(displayName = "Orders", allowedDependencies = { "shared", "jobs", "reference", "identity", "citizens", "assortment", "grants" })
@NullMarked
package dk.fsc.orders;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
