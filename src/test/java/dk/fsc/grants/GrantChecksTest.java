package dk.fsc.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

/** {@link Grants#check}: the rules and the caller check of {@link Grants#make}, granting nothing. */
@FscIntegrationTest
class GrantChecksTest {

    static final NewGrant BROKEN = new NewGrant(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 1), null,
            List.of(new NewGrant.Line(null, "STOMA", null, 0L, null)));
    static final NewGrant VALID = new NewGrant(LocalDate.of(2026, 12, 1), null, null,
            List.of(new NewGrant.Line(null, "STOMA", null, 30L, LimitPeriod.MONTH)));

    @LocalServerPort
    int port;

    @Autowired
    Grants grants;

    @Autowired
    JdbcClient jdbc;

    CitizenId aarhusCitizen(String name) {
        return new CitizenId(UUID.fromString(Citizens.register(Api.as(port, "caseworker-aarhus", "demo"), "751", name)));
    }

    @Test
    @WithUserDetails("caseworker-aarhus")
    void aCheckNamesEveryRuleMakeWouldRefuseAsMakeNamesThemAndGrantsNothing() {
        CitizenId citizen = aarhusCitizen("Tjek Thomsen");

        List<FieldError> errors = grants.check(citizen, BROKEN);

        assertThat(errors).extracting(FieldError::field, FieldError::message).containsExactlyInAnyOrder(
                tuple("validTo", "grants.error.validTo"), tuple("lines[0].quantity", "grants.error.quantity"),
                tuple("lines[0].period", "grants.error.period"));
        assertThatThrownBy(() -> grants.make(citizen, BROKEN)).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.errors()).isEqualTo(errors));
        assertThat(grants.check(citizen, VALID)).isEmpty();
        assertThat(jdbc.sql("select count(*) from grants.citizen_grant where citizen_id = ?").param(citizen.value())
                .query(Integer.class).single()).isZero();
    }

    @Test
    @WithUserDetails("caseworker-randers")
    void forACaseworkerOfAnotherMunicipalityTheCitizenDoesNotExist() {
        CitizenId citizen = aarhusCitizen("Anden Andersen");

        assertThatThrownBy(() -> grants.check(citizen, VALID)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> grants.check(new CitizenId(UUID.randomUUID()), VALID))
                .isInstanceOf(NotFoundException.class);
    }
}
