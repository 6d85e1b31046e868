package dk.fsc.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import dk.fsc.grants.LimitPeriod;
import org.junit.jupiter.api.Test;

/** The drift rule and the three whole periods it compares. */
class ConsumptionDriftTest {

    @Test
    void underHalfInAllThreeIsOverGrantedAndTheLimitInTwoIsUnderGranted() {
        assertThat(ConsumptionDrift.drift(10, new int[] { 4, 0, 4 })).isEqualTo(ConsumptionDrift.Kind.OVER_GRANTED);
        assertThat(ConsumptionDrift.drift(10, new int[] { 4, 5, 4 })).as("half is not well under").isNull();
        assertThat(ConsumptionDrift.drift(10, new int[] { 10, 3, 12 })).isEqualTo(ConsumptionDrift.Kind.UNDER_GRANTED);
        assertThat(ConsumptionDrift.drift(10, new int[] { 9, 9, 10 })).isNull();
    }

    @Test
    void theLastThreeWholePeriodsBeforeToday() {
        assertThat(ConsumptionDrift.lastPeriods(LimitPeriod.QUARTER, LocalDate.of(2026, 2, 10)).stream()
                .map(range -> range.from() + ".." + range.to()).toList())
                .containsExactly("2025-04-01..2025-06-30", "2025-07-01..2025-09-30", "2025-10-01..2025-12-31");
        assertThat(ConsumptionDrift.lastPeriods(LimitPeriod.MONTH, LocalDate.of(2026, 3, 31)).getFirst().from())
                .isEqualTo(LocalDate.of(2025, 12, 1));
    }

    @Test
    void theMonthlyReportGoesOutOnTheMonthsFirstWorkingDay() {
        assertThat(MonthlyReports.firstWorkingDay(LocalDate.of(2028, 1, 20))).as("1 January a Saturday, then Monday")
                .isEqualTo(LocalDate.of(2028, 1, 3));
        assertThat(MonthlyReports.firstWorkingDay(LocalDate.of(2027, 1, 9))).as("New Year's Day a Friday")
                .isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(MonthlyReports.firstWorkingDay(LocalDate.of(2026, 12, 24))).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(MonthlyReports.firstWorkingDay(LocalDate.of(2024, 4, 15))).as("1 April 2024 was Easter Monday")
                .isEqualTo(LocalDate.of(2024, 4, 2));
    }
}
