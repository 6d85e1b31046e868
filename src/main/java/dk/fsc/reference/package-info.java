/**
 * Reference data: the regions, their municipalities and the health-agreement clusters,
 * and the official population figures per year that population-based allocations use.
 */
@ApplicationModule(displayName = "Reference data", allowedDependencies = { "shared" })
@NullMarked
package dk.fsc.reference;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
