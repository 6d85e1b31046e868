/**
 * Who may do what: users and their roles, authentication of people (form login) and of
 * scripts (HTTP Basic), and the security rules of the web UI and the API.
 */
@ApplicationModule(displayName = "Identity")
@NullMarked
package dk.fsc.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
