/**
 * One point of contact (support): contacts with their minutes, follow-up tasks, complaints,
 * referrals to stoma nurses, the agent's whole-citizen view, the citizen's own messages and the
 * call service targets.
 */
@ApplicationModule(displayName = "Support", allowedDependencies = { "shared", "reference", "identity", "citizens", "orders", "warehouse" })
@NullMarked
package dk.fsc.support;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
