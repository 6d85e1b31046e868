package dk.fsc.grants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import dk.fsc.citizens.CitizenMoved;
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

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMoveEndsTheOldMunicipalitysGrantsOnTheMovingDayAndGivesTheNewOneATaskOnce(Scenario scenario) {
        UUID citizen = UUID.randomUUID();
        UUID grant = UUID.randomUUID();
        jdbc.sql("insert into grants.citizen_grant (id, citizen_id, municipality_code, valid_from, revision, created_at,"
                + " created_by) values (?, ?, '751', date '2026-01-01', 1, now(), 'caseworker-aarhus')")
                .params(grant, citizen).update();
        jdbc.sql("insert into grants.grant_line (id, grant_id, position, group_code, quantity, period)"
                + " values (?, ?, 0, 'STOMA_BASEPLATE', 3, 'MONTH')").params(UUID.randomUUID(), grant).update();
        CitizenMoved moved = new CitizenMoved(citizen, "751", "730", LocalDate.of(2026, 3, 1));

        scenario.publish(moved)
                .andWaitForEventOfType(GrantEnded.class)
                .matching(ended -> ended.grantId().equals(grant))
                .toArriveAndVerify(ended -> assertThat(ended.endsOn()).isEqualTo(LocalDate.of(2026, 3, 1)));
        scenario.publish(moved)
                .andWaitForStateChange(() -> jdbc.sql("select count(*) from grants.decision_task where citizen_id = ?")
                        .param(citizen).query(Long.class).single(), count -> count > 0)
                .andVerify(count -> assertThat(count).isEqualTo(1));

        assertThat(jdbc.sql("select revision from grants.citizen_grant where id = ?").param(grant).query(Integer.class)
                .single()).isEqualTo(2);
        assertThat(jdbc.sql("select municipality_code from grants.decision_task where citizen_id = ?").param(citizen)
                .query(String.class).single()).isEqualTo("730");
    }
}
