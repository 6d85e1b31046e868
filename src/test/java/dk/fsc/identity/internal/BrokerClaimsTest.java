package dk.fsc.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.fsc.identity.CitizenChoice;
import dk.fsc.identity.CitizenRegister;
import dk.fsc.identity.Role;
import dk.fsc.reference.Cluster;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.PopulationYear;
import dk.fsc.reference.ReferenceData;
import dk.fsc.reference.Region;
import dk.fsc.shared.Cpr;
import org.junit.jupiter.api.Test;

/** The mapping of a broker's claims to a platform user, without Spring. */
class BrokerClaimsTest {

    static final String CPR_CLAIM = "dk:gov:saml:attribute:CprNumberIdentifier";
    static final Cpr REGISTERED = Cpr.of("0101801234");
    static final UUID CITIZEN = UUID.fromString("a0000000-0000-4000-8000-000000000751");

    /** Aarhus (751) and Randers (730) in Region Midtjylland, and the region of Southern Denmark. */
    static final ReferenceData REFERENCE = new ReferenceData() {

        private final List<Municipality> municipalities = List.of(
                new Municipality("751", "Aarhus", "1082", null, null, null),
                new Municipality("730", "Randers", "1082", null, null, null));

        @Override
        public List<Region> regions() {
            return List.of(new Region("1082", "Region Midtjylland"), new Region("1083", "Region Syddanmark"));
        }

        @Override
        public List<Municipality> municipalities() {
            return municipalities;
        }

        @Override
        public Optional<Municipality> municipality(MunicipalityCode code) {
            return municipalities.stream().filter(m -> m.code().equals(code.value())).findFirst();
        }

        @Override
        public List<Cluster> clusters() {
            return List.of();
        }

        @Override
        public List<Integer> populationYears() {
            return List.of();
        }

        @Override
        public Optional<PopulationYear> populationYear(int year) {
            return Optional.empty();
        }

        @Override
        public Optional<PopulationYear> allocationYear(String regionCode) {
            return Optional.empty();
        }
    };

    /** One registered citizen. */
    static final CitizenRegister CITIZENS = new CitizenRegister() {

        @Override
        public boolean isRegistered(UUID citizenId) {
            return CITIZEN.equals(citizenId);
        }

        @Override
        public Optional<UUID> citizenWithCpr(Cpr cpr) {
            return REGISTERED.equals(cpr) ? Optional.of(CITIZEN) : Optional.empty();
        }

        @Override
        public List<CitizenChoice> choices(String nameOrCpr) {
            return List.of();
        }

        @Override
        public Optional<CitizenChoice> choice(UUID citizenId) {
            return Optional.empty();
        }
    };

    static BrokerClaims mapping(String cprClaim) {
        OidcProperties properties = new OidcProperties(true, "http://broker", "fsc", "secret", List.of("openid"), null,
                new OidcProperties.Claims("preferred_username", "roles", "municipality", "region", cprClaim),
                Map.of("Visitator", Role.MUNICIPAL_CASEWORKER, "fsc-hjemmepleje", Role.MUNICIPAL_HOMECARE));
        return new BrokerClaims(properties, new RoleBindings(REFERENCE, CITIZENS), CITIZENS);
    }

    static BrokerClaims.BrokerUser user(Map<String, Object> claims) {
        return mapping(CPR_CLAIM).user(claims);
    }

    static BrokerLoginRefused.Reason refusal(Map<String, Object> claims) {
        try {
            mapping(CPR_CLAIM).user(claims);
        } catch (BrokerLoginRefused refused) {
            return refused.reason();
        }
        throw new AssertionError("not refused: " + claims);
    }

    @Test
    void mapsTheBrokersRoleNamesInAnyCaseAndBindsTheMunicipality() {
        BrokerClaims.BrokerUser user = user(Map.of("sub", "9f1c", "preferred_username", "sb@aarhus.dk",
                "roles", List.of("VISITATOR", "some-other-group"), "municipality", "0751", "region", "1082"));

        assertThat(user.roles()).containsExactly(Role.MUNICIPAL_CASEWORKER);
        assertThat(user.person()).isEqualTo(new BrokerClaims.BrokerPerson("sb@aarhus.dk", "751", "1082", null));
    }

    @Test
    void takesThePlatformsOwnRoleNamesFromASeparatedTextAndANumericMunicipality() {
        BrokerClaims.BrokerUser user = user(Map.of("sub", "x", "roles", "FSC_AGENT, fsc-hjemmepleje",
                "municipality", 730));

        assertThat(user.roles()).containsExactlyInAnyOrder(Role.FSC_AGENT, Role.MUNICIPAL_HOMECARE);
        assertThat(user.person().municipalityCode()).isEqualTo("730");
    }

    @Test
    void namesTheUserBySubWhenTheUsernameClaimIsMissing() {
        assertThat(user(Map.of("sub", "a7e0-pseudonym", "roles", List.of("FINANCE"))).person().name())
                .isEqualTo("a7e0-pseudonym");
    }

    @Test
    void grantsNoRoleByDefault() {
        assertThat(refusal(Map.of("sub", "x"))).isEqualTo(BrokerLoginRefused.Reason.NO_ROLE);
        assertThat(refusal(Map.of("sub", "x", "roles", List.of("admin", "fsc_admin"))))
                .isEqualTo(BrokerLoginRefused.Reason.NO_ROLE);
        assertThat(refusal(Map.of("sub", "x", "roles", ""))).isEqualTo(BrokerLoginRefused.Reason.NO_ROLE);
    }

    @Test
    void refusesARoleWhoseMunicipalityOrRegionIsMissingOrUnknown() {
        assertThat(refusal(Map.of("sub", "x", "roles", List.of("Visitator"))))
                .isEqualTo(BrokerLoginRefused.Reason.BINDING);
        assertThat(refusal(Map.of("sub", "x", "roles", List.of("Visitator"), "municipality", "999")))
                .isEqualTo(BrokerLoginRefused.Reason.BINDING);
        assertThat(refusal(Map.of("sub", "x", "roles", List.of("Visitator"), "municipality", "751",
                "region", "1083"))).isEqualTo(BrokerLoginRefused.Reason.BINDING);
        assertThat(refusal(Map.of("sub", "x", "roles", List.of("REGION_ANALYST")))).isEqualTo(
                BrokerLoginRefused.Reason.BINDING);
    }

    @Test
    void aCitizensMitIdLoginIsBoundToTheRegisteredCitizenWithThatCpr() {
        BrokerClaims.BrokerUser user = user(Map.of("sub", "mitid-pseudonym", CPR_CLAIM, "010180-1234"));

        assertThat(user.roles()).containsExactly(Role.CITIZEN);
        assertThat(user.person().citizenId()).isEqualTo(CITIZEN);
        assertThat(user.describe()).doesNotContain("1234", "010180");
    }

    @Test
    void refusesACitizenWhoIsNotRegisteredOrWhoseCprIsMissing() {
        assertThat(refusal(Map.of("sub", "x", CPR_CLAIM, "0202801234"))).isEqualTo(
                BrokerLoginRefused.Reason.NOT_A_CITIZEN);
        assertThat(refusal(Map.of("sub", "x", "roles", List.of("CITIZEN")))).isEqualTo(
                BrokerLoginRefused.Reason.NOT_A_CITIZEN);
        assertThat(refusal(Map.of("sub", "x", CPR_CLAIM, "not a cpr"))).isEqualTo(BrokerLoginRefused.Reason.NO_ROLE);
    }

    @Test
    void anEmployeeWithACprClaimKeepsTheirRolesAndIsNoCitizen() {
        BrokerClaims.BrokerUser user = user(Map.of("sub", "x", "roles", List.of("FSC_AGENT"), CPR_CLAIM,
                "0101801234"));

        assertThat(user.roles()).containsExactly(Role.FSC_AGENT);
        assertThat(user.person().citizenId()).isNull();
    }

    @Test
    void citizensLoginsAreOffWhenNoCprClaimIsConfigured() {
        assertThatThrownBy(() -> mapping("").user(Map.of("sub", "x", CPR_CLAIM, "0101801234")))
                .isInstanceOfSatisfying(BrokerLoginRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(BrokerLoginRefused.Reason.NO_ROLE));
    }

    @Test
    void neverTakesACprNumberOrAnOversizedTextAsTheUsersName() {
        assertThat(refusal(Map.of("preferred_username", "0101801234", "roles", List.of("FSC_AGENT"))))
                .isEqualTo(BrokerLoginRefused.Reason.USERNAME);
        assertThat(refusal(Map.of("sub", "x".repeat(201), "roles", List.of("FSC_AGENT"))))
                .isEqualTo(BrokerLoginRefused.Reason.USERNAME);
        assertThat(refusal(Map.of("roles", List.of("FSC_AGENT")))).isEqualTo(BrokerLoginRefused.Reason.USERNAME);
        assertThat(Set.of(BrokerLoginRefused.Reason.values())).allSatisfy(
                reason -> assertThat(reason.detail()).doesNotContain("0101801234"));
    }
}
