package dk.fsc.grants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.citizens.CitizenMoved;
import dk.fsc.reference.MunicipalityCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/** The grants module with the modules it depends on, reacting to the citizens module's events. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "shared")
@ActiveProfiles({ "demo", "test" })
class GrantsModuleTest {

    static final MunicipalityCode AARHUS = new MunicipalityCode("751");
    static final MunicipalityCode RANDERS = new MunicipalityCode("730");
    static final LocalDate MOVED_ON = LocalDate.of(2026, 3, 1);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Grants grants;

    @Test
    void aMoveKeepsTheOldGrantsForTheTransitionPaidByTheOldMunicipalityAndGivesTheNewOneATaskOnce(
            Scenario scenario) {
        CitizenId citizen = new CitizenId(UUID.randomUUID());
        GrantId grant = aarhusGrant(citizen);
        CitizenMoved moved = new CitizenMoved(citizen, AARHUS, RANDERS, MOVED_ON);

        scenario.publish(moved)
                .andWaitForEventOfType(GrantEnded.class)
                .matching(ended -> ended.grantId().equals(grant))
                .toArriveAndVerify(ended -> assertThat(ended.endsOn()).isEqualTo(MOVED_ON.plusDays(30)));
        scenario.publish(moved)
                .andWaitForStateChange(() -> jdbc.sql("select count(*) from grants.decision_task where citizen_id = ?")
                        .param(citizen.value()).query(Long.class).single(), count -> count > 0)
                .andVerify(count -> assertThat(count).isEqualTo(1));

        assertThat(jdbc.sql("select revision from grants.citizen_grant where id = ?").param(grant.value())
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select municipality_code from grants.decision_task where citizen_id = ?")
                .param(citizen.value()).query(String.class).single()).isEqualTo("730");
        assertThat(grants.inForce(citizen, MOVED_ON.minusDays(1))).singleElement()
                .satisfies(line -> assertThat(line.paidBy()).isEqualTo(AARHUS));
        assertThat(grants.inForce(citizen, MOVED_ON.plusDays(29))).singleElement()
                .satisfies(line -> assertThat(line.paidBy()).isEqualTo(AARHUS));
        assertThat(grants.inForce(citizen, MOVED_ON.plusDays(30))).isEmpty();
    }

    @Test
    void whoPaysDuringTheTransitionAndHowLongItLastsAreData(Scenario scenario) {
        jdbc.sql("update grants.move_transition_rule set days = 10, paid_by = 'NEW_MUNICIPALITY'").update();
        try {
            CitizenId citizen = new CitizenId(UUID.randomUUID());
            GrantId grant = aarhusGrant(citizen);

            scenario.publish(new CitizenMoved(citizen, AARHUS, RANDERS, MOVED_ON))
                    .andWaitForEventOfType(GrantEnded.class)
                    .matching(ended -> ended.grantId().equals(grant))
                    .toArriveAndVerify(ended -> assertThat(ended.endsOn()).isEqualTo(MOVED_ON.plusDays(10)));

            assertThat(grants.inForce(citizen, MOVED_ON.minusDays(1))).singleElement()
                    .satisfies(line -> assertThat(line.paidBy()).isEqualTo(AARHUS));
            assertThat(grants.inForce(citizen, MOVED_ON.plusDays(9))).singleElement()
                    .satisfies(line -> assertThat(line.paidBy()).isEqualTo(RANDERS));
        } finally {
            jdbc.sql("update grants.move_transition_rule set days = 30, paid_by = 'OLD_MUNICIPALITY'").update();
        }
    }

    private GrantId aarhusGrant(CitizenId citizen) {
        GrantId grant = new GrantId(UUID.randomUUID());
        jdbc.sql("insert into grants.citizen_grant (id, citizen_id, municipality_code, valid_from, revision, created_at,"
                + " created_by) values (?, ?, '751', date '2026-01-01', 1, now(), 'caseworker-aarhus')")
                .params(grant.value(), citizen.value()).update();
        jdbc.sql("insert into grants.grant_line (id, grant_id, position, group_code, quantity, period)"
                + " values (?, ?, 0, 'STOMA_BASEPLATE', 3, 'MONTH')").params(UUID.randomUUID(), grant.value()).update();
        return grant;
    }
}
