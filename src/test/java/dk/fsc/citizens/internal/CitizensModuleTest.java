package dk.fsc.citizens.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import dk.fsc.citizens.CitizenMoved;
import dk.fsc.citizens.CitizenView;
import dk.fsc.testing.Citizens;
import dk.fsc.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/** The citizens module with what it depends on: a move to another municipality is announced, once, on its day. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "shared")
@ActiveProfiles({ "demo", "test" })
@WithUserDetails(value = "agent", setupBefore = TestExecutionEvent.TEST_METHOD)
class CitizensModuleTest {

    @Autowired
    RegisterCitizen registerCitizen;

    @Autowired
    ChangeAddress changeAddress;

    @Autowired
    TestClock clock;

    CitizenView aCitizenOfAarhus() {
        return registerCitizen.register(new RegisterCitizen.Command(Citizens.newCpr(), "Modul Testesen", "Testvej 1",
                "8000", "Aarhus C", "751", "12345678", null));
    }

    @Test
    void aMoveToAnotherMunicipalityPublishesCitizenMovedWithBothMunicipalitiesAndTheDay(Scenario scenario) {
        UUID citizen = aCitizenOfAarhus().id();

        scenario.stimulate(() -> changeAddress.change(citizen,
                new ChangeAddress.Command("Torvet 1", "8900", "Randers C", "730", null)))
                .andWaitForEventOfType(CitizenMoved.class)
                .matching(moved -> moved.citizenId().value().equals(citizen))
                .toArriveAndVerify(moved -> {
                    assertThat(moved.fromMunicipality().value()).isEqualTo("751");
                    assertThat(moved.toMunicipality().value()).isEqualTo("730");
                    assertThat(moved.movedOn()).isEqualTo(clock.today());
                });
    }

    @Test
    void aMoveDatedAheadIsAnnouncedOnItsDayNotBefore(Scenario scenario) {
        UUID citizen = aCitizenOfAarhus().id();
        LocalDate movingDay = clock.today().plusDays(3);
        changeAddress.change(citizen, new ChangeAddress.Command("Torvet 1", "8900", "Randers C", "730", movingDay));

        clock.set(movingDay.atStartOfDay(dk.fsc.shared.TimeConfiguration.DANISH_TIME).plusHours(1).toInstant());
        scenario.stimulate(() -> changeAddress.change(citizen,
                new ChangeAddress.Command("Torvet 1", "8900", "Randers C", "730", null)))
                .andWaitForEventOfType(CitizenMoved.class)
                .matching(moved -> moved.citizenId().value().equals(citizen))
                .toArriveAndVerify(moved -> assertThat(moved.movedOn()).isEqualTo(movingDay));
    }
}
