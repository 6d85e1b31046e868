package dk.fsc.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** E7's spend per citizen: one quotient in kroner with øre, rounded half up; and the difference from the source. */
class StomaKeyFiguresRuleTest {

    @Test
    void theSourcesOwnInputsGiveTheSourcesFiguresAndNoDifference() {
        StomaKeyFigures.RegionFigures midt = StomaKeyFigures.of("1082", "Region Midtjylland", 4_800, 8_610_000_000L,
                StomaKeyFigures.SOURCES.get("1082"));
        assertThat(midt.spendPerCitizenKroner()).isEqualTo(new BigDecimal("17937.50"));
        assertThat(midt.difference()).isEqualTo(new StomaKeyFigures.Difference(0, new BigDecimal("0.00"),
                new BigDecimal("0.00")));
        StomaKeyFigures.RegionFigures syd = StomaKeyFigures.of("1083", "Region Syddanmark", 4_000, 7_160_000_000L,
                StomaKeyFigures.SOURCES.get("1083"));
        assertThat(syd.spendPerCitizenKroner()).isEqualTo(new BigDecimal("17900.00"));
    }

    @Test
    void thePerCitizenFigureIsRoundedHalfUpToTheOere() {
        assertThat(StomaKeyFigures.of("1082", "", 3, 200_000, null).spendPerCitizenKroner())
                .isEqualTo(new BigDecimal("666.67"));
        assertThat(StomaKeyFigures.of("1082", "", 8, 100_004, null).spendPerCitizenKroner())
                .as("125.005 goes up, not to the even 125.00").isEqualTo(new BigDecimal("125.01"));
        StomaKeyFigures.RegionFigures none = StomaKeyFigures.of("1082", "", 0, 5_000, StomaKeyFigures.SOURCES.get("1082"));
        assertThat(none.spendPerCitizenKroner()).isNull();
        assertThat(none.difference()).isEqualTo(new StomaKeyFigures.Difference(-4_800, new BigDecimal("-86099950.00"),
                null));
    }
}
