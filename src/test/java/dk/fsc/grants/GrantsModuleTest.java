package dk.fsc.grants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.citizens.CitizenId;
import dk.fsc.citizens.CitizenMoved;
import dk.fsc.jobs.Jobs;
import dk.fsc.reference.MunicipalityCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/** The grants module with the modules it depends on, reacting to the citizens module's events. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "shared", "jobs" })
@ActiveProfiles({ "demo", "test" })
class GrantsModuleTest {

    static final MunicipalityCode AARHUS = new MunicipalityCode("751");
    static final MunicipalityCode RANDERS = new MunicipalityCode("730");
    static final LocalDate MOVED_ON = LocalDate.of(2026, 3, 1);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Grants grants;

    @Autowired
    Assortment assortment;

    @Autowired
    Jobs jobs;

    @Test
    void aMoveKeepsTheOldGrantsForTheTransitionPaidByTheOldMunicipalityAndGivesTheNewOneATaskOnce(
            Scenario scenario) {
        CitizenId citizen = new CitizenId(UUID.randomUUID());
        GrantId grant = aarhusGrant(citizen);
        CitizenMoved moved = new CitizenMoved(citizen, AARHUS, RANDERS, MOVED_ON);
        Map<String, Map<MunicipalityCode, Long>> inTransition = grants.citizensWithGrantPerArea(MOVED_ON.plusDays(29));

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
        assertThat(added(inTransition, grants.citizensWithGrantPerArea(MOVED_ON.plusDays(29)), "STOMA", AARHUS))
                .as("counted for the old municipality, which pays in the transition").isEqualTo(1);
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

    @Test
    void aCitizenCountsOnceInAnAreaWhetherHerLinesNameTheAreaAGroupOrAProductWhileHerGrantIsInForce() {
        LocalDate day = LocalDate.of(2040, 6, 30);
        ProductId stomaProduct = assortment.activeInArea("STOMA", day).getFirst().id();
        Map<String, Map<MunicipalityCode, Long>> before = grants.citizensWithGrantPerArea(day);

        GrantId areaAndGroup = grant(new CitizenId(UUID.randomUUID()), "751", null);
        line(areaAndGroup, "area_code", "STOMA");
        line(areaAndGroup, "group_code", "STOMA_BASEPLATE");
        line(grant(new CitizenId(UUID.randomUUID()), "751", null), "product_id", stomaProduct.value());
        line(grant(new CitizenId(UUID.randomUUID()), "751", day), "area_code", "STOMA");
        GrantId movedAway = grant(new CitizenId(UUID.randomUUID()), "751", null);
        line(movedAway, "group_code", "STOMA_BASEPLATE");
        jdbc.sql("update grants.citizen_grant set transition_from = ?, transition_to = '730', transition_paid_by = '730'"
                + " where id = ?").params(day.minusDays(1), movedAway.value()).update();
        line(grant(new CitizenId(UUID.randomUUID()), "730", null), "group_code", "NO_SUCH_GROUP");
        jobs.runNow("grants-rebuild-area-spans");

        Map<String, Map<MunicipalityCode, Long>> after = grants.citizensWithGrantPerArea(day);
        assertThat(added(before, after, "STOMA", AARHUS)).as("area and group once, product; not ended").isEqualTo(2);
        assertThat(added(before, after, "STOMA", RANDERS)).as("moved: paid by the new municipality in the transition")
                .isEqualTo(1);
        assertThat(grants.citizensWithGrantInArea("STOMA", day)).isEqualTo(after.get("STOMA"));
    }

    private static long added(Map<String, Map<MunicipalityCode, Long>> before,
            Map<String, Map<MunicipalityCode, Long>> after, String area, MunicipalityCode municipality) {
        return after.getOrDefault(area, Map.of()).getOrDefault(municipality, 0L)
                - before.getOrDefault(area, Map.of()).getOrDefault(municipality, 0L);
    }

    /** A grant from 2040 to the end of time, ended on {@code endsOn} (the day itself no longer counts). */
    private GrantId grant(CitizenId citizen, String municipality, LocalDate endsOn) {
        GrantId grant = new GrantId(UUID.randomUUID());
        jdbc.sql("insert into grants.citizen_grant (id, citizen_id, municipality_code, valid_from, ends_on, end_reason,"
                + " revision, created_at, created_by) values (?, ?, ?, date '2040-01-01', ?, ?, 1, now(), 'test')")
                .params(grant.value(), citizen.value(), municipality, endsOn, endsOn == null ? null : "ENDED").update();
        return grant;
    }

    private void line(GrantId grant, String column, Object value) {
        jdbc.sql("insert into grants.grant_line (id, grant_id, position, " + column + ", quantity, period)"
                + " values (?, ?, (select count(*) from grants.grant_line where grant_id = ?), ?, 3, 'MONTH')")
                .params(UUID.randomUUID(), grant.value(), grant.value(), value).update();
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
