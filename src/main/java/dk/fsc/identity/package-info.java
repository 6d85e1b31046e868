/**
 * Who may do what: users, their roles and the municipality (or citizen) they are bound
 * to, authentication of people and of machine clients, and the audit log of every read
 * and change of a citizen's data.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = { "shared", "reference", "jobs" })
@NullMarked
package dk.fsc.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
