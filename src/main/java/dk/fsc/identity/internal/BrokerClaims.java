package dk.fsc.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.fsc.identity.CitizenRegister;
import dk.fsc.identity.Role;
import dk.fsc.shared.Cpr;
import dk.fsc.shared.problem.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * Turns the claims the broker vouches for into a platform user, the same whether they came
 * in an ID token at login or in a bearer token on the API:
 * <ul>
 * <li>the name from the username claim (or {@code sub}); a CPR number is refused as a name;</li>
 * <li>roles from the roles claim, through {@link OidcProperties#roleMapping()} or by their own
 *     names; unknown names grant nothing;</li>
 * <li>a token with a CPR claim and no role is a citizen's MitID login: the role {@code CITIZEN},
 *     bound to the registered citizen with that number;</li>
 * <li>the municipality and region claims bind the roles as {@link RoleBindings} requires.</li>
 * </ul>
 * Anything short of that is a {@link BrokerLoginRefused}, never a default role.
 */
class BrokerClaims {

    static final int MAX_USERNAME = 200;

    /** A person the broker vouched for, with what binds their roles. */
    record BrokerPerson(String name, @Nullable String municipalityCode, @Nullable String regionCode,
            @Nullable UUID citizenId) implements Person, Serializable {

        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** The person and their roles. */
    record BrokerUser(BrokerPerson person, Set<Role> roles) {

        /** For the log: the name and the binding, never a CPR number. */
        String describe() {
            return "'" + person.name() + "' " + new RoleBindings.Binding(roles, person.municipalityCode(),
                    person.regionCode(), person.citizenId()).describe();
        }
    }

    private final OidcProperties.Claims names;
    private final Map<String, Role> roleMapping = new HashMap<>();
    private final RoleBindings bindings;
    private final CitizenRegister citizens;

    BrokerClaims(OidcProperties properties, RoleBindings bindings, CitizenRegister citizens) {
        this.names = properties.claims();
        if (properties.roleMapping() != null) {
            properties.roleMapping().forEach((name, role) -> roleMapping.put(name.toLowerCase(Locale.ROOT), role));
        }
        this.bindings = bindings;
        this.citizens = citizens;
    }

    BrokerUser user(Map<String, Object> claims) {
        String name = text(claims, names.username()).or(() -> text(claims, "sub"))
                .filter(found -> found.length() <= MAX_USERNAME && !Cpr.isValid(found))
                .orElseThrow(() -> new BrokerLoginRefused(BrokerLoginRefused.Reason.USERNAME, null));
        Set<Role> roles = roles(claims.get(names.roles()));
        Optional<Cpr> cpr = names.cpr().isBlank() ? Optional.empty()
                : text(claims, names.cpr()).filter(Cpr::isValid).map(Cpr::of);
        if (roles.isEmpty() && cpr.isPresent()) {
            roles.add(Role.CITIZEN);
        }
        if (roles.isEmpty()) {
            throw new BrokerLoginRefused(BrokerLoginRefused.Reason.NO_ROLE, name);
        }
        UUID citizenId = null;
        if (roles.contains(Role.CITIZEN)) {
            citizenId = cpr.flatMap(citizens::citizenWithCpr)
                    .orElseThrow(() -> new BrokerLoginRefused(BrokerLoginRefused.Reason.NOT_A_CITIZEN, name));
        }
        List<FieldError> errors = new ArrayList<>();
        RoleBindings.Binding binding = bindings.bind(roles, text(claims, names.municipality()).orElse(null),
                text(claims, names.region()).orElse(null), citizenId, errors);
        if (binding == null) {
            throw new BrokerLoginRefused(BrokerLoginRefused.Reason.BINDING, name);
        }
        return new BrokerUser(new BrokerPerson(name, binding.municipalityCode(), binding.regionCode(),
                binding.citizenId()), binding.roles());
    }

    /** The claims without the CPR number, for whatever is kept after the login (the session). */
    Map<String, Object> withoutCpr(Map<String, Object> claims) {
        Map<String, Object> kept = new HashMap<>(claims);
        kept.remove(names.cpr());
        return kept;
    }

    /** The roles the claim's names map to; names neither mapped nor a role's own grant nothing. */
    private Set<Role> roles(@Nullable Object claim) {
        Collection<?> values = claim instanceof Collection<?> list ? list
                : claim == null ? List.of() : List.of(claim.toString().split("[\\s,]+"));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object value : values) {
            String brokerName = String.valueOf(value).strip();
            Role mapped = roleMapping.get(brokerName.toLowerCase(Locale.ROOT));
            if (mapped != null) {
                roles.add(mapped);
            } else {
                EnumSet.allOf(Role.class).stream().filter(role -> role.name().equals(brokerName)).findFirst()
                        .ifPresent(roles::add);
            }
        }
        return roles;
    }

    /** A claim as text: a string or a number, not blank. */
    private static Optional<String> text(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        return value instanceof String || value instanceof Number
                ? Optional.of(value.toString().strip()).filter(found -> !found.isEmpty())
                : Optional.empty();
    }
}
