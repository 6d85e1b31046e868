/**
 * Grants (bevillinger): what a municipality's caseworker has granted a citizen (products,
 * product groups, areas or device models, each with a quantity limit per period), their
 * history, and the decisions a caseworker owes a citizen who moved in.
 */
@ApplicationModule(displayName = "Grants", allowedDependencies = { "shared", "reference", "identity", "citizens", "assortment", "jobs" })
@NullMarked
package dk.fsc.grants;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
