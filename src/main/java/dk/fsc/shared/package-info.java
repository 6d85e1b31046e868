/**
 * The shared kernel every module may use: problem+json error handling, paging, the
 * embedded PostgreSQL, one-time seeding, the web shell. It knows no business module.
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
@NullMarked
package dk.fsc.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
