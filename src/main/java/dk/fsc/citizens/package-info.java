/**
 * The citizen register: who the citizens are (CPR number, encrypted), where they live and
 * how to reach them, their address history and moves between municipalities. Every read
 * and change is scoped to what the caller may see and written to the audit log.
 */
@ApplicationModule(displayName = "Citizens", allowedDependencies = { "shared", "identity", "reference", "jobs" })
@NullMarked
package dk.fsc.citizens;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
