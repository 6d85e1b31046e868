package dk.fsc.identity.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.fsc.identity.CitizenRegister;
import dk.fsc.identity.Role;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.ReferenceData;
import dk.fsc.reference.Region;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What binds a user's roles to a place ({@code docs/security.md}): caseworkers and home care
 * work for one municipality, a nurse for a municipality or a region, an analyst for a region,
 * and a citizen is one registered citizen. The codes must be known to the reference data, a
 * municipality must lie in the region given with it, and nothing grants a role by default.
 * The same rule holds for local users and for logins through the broker.
 */
@Component
class RoleBindings {

    /** Roles with what binds them; the codes normalised (a municipality's three digits). */
    record Binding(Set<Role> roles, @Nullable String municipalityCode, @Nullable String regionCode,
            @Nullable UUID citizenId) {

        Binding {
            roles = Set.copyOf(roles);
        }

        /** For logs and the audit log: the roles sorted, then the binding. */
        String describe() {
            return "roles=" + String.join(",", roles.stream().map(Enum::name).sorted().toList())
                    + (municipalityCode != null ? " municipality=" + municipalityCode : "")
                    + (regionCode != null ? " region=" + regionCode : "")
                    + (citizenId != null ? " citizen=" + citizenId : "");
        }
    }

    private final ReferenceData reference;
    private final CitizenRegister citizens;

    RoleBindings(ReferenceData reference, CitizenRegister citizens) {
        this.reference = reference;
        this.citizens = citizens;
    }

    /** The binding, when it holds; otherwise each reason is added to {@code errors} (and null returned). */
    @Nullable Binding bind(Set<Role> roles, @Nullable String municipality, @Nullable String region,
            @Nullable UUID citizenId, List<FieldError> errors) {
        int before = errors.size();
        if (roles.isEmpty()) {
            errors.add(FieldError.of("roles", "identity.error.noRole"));
        }
        Municipality knownMunicipality = municipality(municipality, errors);
        String regionCode = region(region, errors);
        if (knownMunicipality != null && regionCode != null && !knownMunicipality.regionCode().equals(regionCode)) {
            errors.add(FieldError.of("regionCode", "identity.error.regionMismatch", knownMunicipality.name(),
                    knownMunicipality.regionCode()));
        }
        if (roles.contains(Role.MUNICIPAL_CASEWORKER) || roles.contains(Role.MUNICIPAL_HOMECARE)
                || roles.contains(Role.MUNICIPAL_FINANCE)) {
            required(municipality, "municipalityCode", "identity.error.municipalityRequired", errors);
        }
        if (roles.contains(Role.NURSE) && blank(municipality) && blank(region)) {
            errors.add(FieldError.of("municipalityCode", "identity.error.nurseBinding"));
        }
        if (roles.contains(Role.REGION_ANALYST)) {
            required(region, "regionCode", "identity.error.regionRequired", errors);
        }
        if (roles.contains(Role.CITIZEN) && citizenId == null) {
            errors.add(FieldError.of("citizenId", "identity.error.citizenRequired"));
        }
        if (citizenId != null && !roles.contains(Role.CITIZEN)) {
            errors.add(FieldError.of("citizenId", "identity.error.citizenOnly"));
        } else if (citizenId != null && !citizens.isRegistered(citizenId)) {
            errors.add(FieldError.of("citizenId", "identity.error.unknownCitizen"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new Binding(roles, knownMunicipality == null ? null : knownMunicipality.code(), regionCode, citizenId);
    }

    private @Nullable Municipality municipality(@Nullable String input, List<FieldError> errors) {
        if (blank(input)) {
            return null;
        }
        try {
            MunicipalityCode code = MunicipalityCode.parse("municipalityCode", input);
            Municipality known = reference.municipality(code).orElse(null);
            if (known == null) {
                errors.add(FieldError.of("municipalityCode", "identity.error.unknownMunicipality"));
            }
            return known;
        } catch (InvalidInputException e) {
            errors.add(FieldError.of("municipalityCode", "identity.error.municipalityCode"));
            return null;
        }
    }

    private @Nullable String region(@Nullable String input, List<FieldError> errors) {
        if (blank(input)) {
            return null;
        }
        String code = input.strip();
        if (reference.regions().stream().map(Region::code).noneMatch(code::equals)) {
            errors.add(FieldError.of("regionCode", "identity.error.unknownRegion"));
            return null;
        }
        return code;
    }

    private static void required(@Nullable String value, String field, String key, List<FieldError> errors) {
        if (blank(value)) {
            errors.add(FieldError.of(field, key));
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
