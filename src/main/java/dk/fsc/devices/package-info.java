/**
 * Devices (medication dispensers and telehealth kits): the needs assessment, serialized devices
 * and their lifecycle, leases, work orders, technicians and their planned days.
 */
@ApplicationModule(displayName = "Devices",
        allowedDependencies = { "shared", "reference", "identity", "citizens", "assortment", "grants", "jobs" })
@NullMarked
package dk.fsc.devices;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
