/**
 * Statistics for the municipalities and the region: indicators followed against targets,
 * business cases whose inputs and results are kept per version, and figures built from the
 * other modules' events in projections of its own (it never reads another module's tables).
 */
@ApplicationModule(displayName = "Statistics",
        allowedDependencies = { "shared", "reference", "jobs",
                "identity", "assortment", "orders", "grants", "citizens", "support", "devices", "warehouse", "alarms",
                "invoicing" })
@NullMarked
package dk.fsc.statistics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
