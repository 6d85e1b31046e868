package dk.fsc.identity.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Component
class SecurityContextCurrentUsers implements CurrentUsers {

    @Override
    public Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring("ROLE_".length())));
                } catch (IllegalArgumentException notARole) {
                    // authorities that are not platform roles (e.g. OIDC scopes) grant nothing here
                }
            }
        }
        if (authentication.getPrincipal() instanceof Person person) {
            return Optional.of(new CurrentUser(person.name(), roles, person.municipalityCode(), person.regionCode(),
                    person.citizenId(), client()));
        }
        if (authentication instanceof ApiKeyAuthentication key) {
            return Optional.of(new CurrentUser(key.getName(), roles, null, null, null, key.getName()));
        }
        return Optional.of(new CurrentUser(authentication.getName(), roles, null, null, null, client()));
    }

    /** How the call came, for the audit log: the channel and the caller's address. */
    private static String client() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String channel = request.getRequestURI().startsWith("/api/") ? "api" : "web";
            return channel + " " + request.getRemoteAddr();
        }
        return "system";
    }
}
