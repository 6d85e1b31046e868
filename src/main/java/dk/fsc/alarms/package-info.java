/**
 * Medication alarms: signed device events from the dispenser vendors, dose schedules, detection
 * of missed doses and technical faults from durable rows, escalation by each municipality's
 * response plan, the live alarm lists, outbound webhooks and e-mail, adherence and follow-up.
 * Knows installed devices only from the devices module's events.
 */
@ApplicationModule(displayName = "Alarms",
        allowedDependencies = { "shared", "reference", "identity", "citizens", "devices", "jobs" })
@NullMarked
package dk.fsc.alarms;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
