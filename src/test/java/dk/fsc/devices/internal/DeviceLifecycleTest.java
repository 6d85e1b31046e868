package dk.fsc.devices.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import dk.fsc.shared.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

class DeviceLifecycleTest {

    @Test
    void aDeviceGoesRoundFromStockThroughTheCitizenBackToStock() {
        DeviceState[] round = { DeviceState.IN_STOCK, DeviceState.PREPARED, DeviceState.IN_TRANSIT,
                DeviceState.INSTALLED, DeviceState.COLLECTED, DeviceState.CLEANING, DeviceState.IN_STOCK };
        for (int i = 0; i + 1 < round.length; i++) {
            DeviceState from = round[i];
            DeviceState to = round[i + 1];
            assertThatCode(() -> from.checkMayBecome(to, "S1")).doesNotThrowAnyException();
        }
    }

    @Test
    void scrappedOnlyFromStockCollectionCleaningOrRepairAndRepairComesBack() {
        for (DeviceState state : DeviceState.values()) {
            boolean allowed = state == DeviceState.IN_STOCK || state == DeviceState.COLLECTED
                    || state == DeviceState.CLEANING || state == DeviceState.IN_REPAIR;
            assertThat(state.next().contains(DeviceState.SCRAPPED)).as(state.name()).isEqualTo(allowed);
        }
        assertThat(DeviceState.IN_REPAIR.next()).contains(DeviceState.IN_STOCK);
        assertThat(DeviceState.SCRAPPED.next()).isEmpty();
    }

    @Test
    void anInvalidTransitionIsRefusedNamingTheStatesAndWhatMayFollow() {
        assertThatThrownBy(() -> DeviceState.INSTALLED.checkMayBecome(DeviceState.IN_STOCK, "DT-1"))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.errors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("state");
                            assertThat(error.arguments()).containsExactly("DT-1", "INSTALLED", "IN_STOCK", "COLLECTED");
                        }));
        assertThatThrownBy(() -> DeviceState.INSTALLED.checkMayBecome(DeviceState.INSTALLED, "DT-1"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void targetsCountWorkingDaysAndHoursOnly() {
        // Wednesday 23 December 2026 10:00 Danish time: the 24th counts; Christmas Day and the weekend do not.
        Instant wednesday = Instant.parse("2026-12-23T09:00:00Z");
        assertThat(WorkingCalendar.afterWorkingDays(wednesday, 2)).isEqualTo(Instant.parse("2026-12-28T15:00:00Z"));
        // 8 working hours from 10:00 on 23 December: 6 that day, 2 on Thursday 24 December.
        assertThat(WorkingCalendar.afterWorkingHours(wednesday, 8)).isEqualTo(Instant.parse("2026-12-24T09:00:00Z"));
    }
}
