package dk.fsc.citizens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;

import dk.fsc.identity.SystemJob;
import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The system access path: audited as the job that reads, and out of reach of requests and logins. */
@FscIntegrationTest
class CitizensForSystemTest {

    static final SystemJob JOB = new SystemJob("test-deliveries");

    @Autowired
    CitizensForSystem citizens;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @AfterEach
    void unbind() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aJobReadsAnyCitizenAndTheReadIsAuditedAsTheJob() {
        UUID citizen = UUID.fromString(Citizens.register(Api.as(port, "caseworker-randers", "demo"), "730", "System Læsesen"));

        Optional<CitizenView> read = citizens.find(JOB, citizen, "citizen.read");

        assertThat(read).get().satisfies(view -> {
            assertThat(view.name()).isEqualTo("System Læsesen");
            assertThat(view.cprMasked()).isTrue();
        });
        assertThat(jdbc.sql("select actor, actor_roles, client from identity.audit_log where citizen_id = ?"
                + " and action = 'citizen.read'").param(citizen)
                .query((rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).list())
                .containsExactly("system:test-deliveries||system");
    }

    @Test
    void anUnknownCitizenIsEmptyAndAuditsNothing() {
        UUID nobody = UUID.randomUUID();

        assertThat(citizens.find(JOB, nobody, "citizen.read")).isEmpty();
        assertThat(jdbc.sql("select count(*) from identity.audit_log where citizen_id = ?").param(nobody)
                .query(Long.class).single()).isZero();
    }

    @Test
    void refusesACallWithinAWebRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        assertThatThrownBy(() -> citizens.find(JOB, UUID.randomUUID(), "citizen.read"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("system:test-deliveries");
    }

    @Test
    void refusesACallWithAPersonLoggedIn() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("agent",
                null, AuthorityUtils.createAuthorityList("ROLE_FSC_AGENT")));

        assertThatThrownBy(() -> citizens.find(JOB, UUID.randomUUID(), "citizen.read"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aJobIsNamedInLowerCaseWordsJoinedByDashes() {
        assertThatThrownBy(() -> new SystemJob("Standing Orders")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SystemJob("standing-orders").actor()).isEqualTo("system:standing-orders");
    }
}
