package dk.fsc.grants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class LimitPeriodTest {

    @Test
    void aMonthRunsFromItsFirstToItsLastDayLeapYearsIncluded() {
        assertThat(LimitPeriod.MONTH.containing(LocalDate.of(2028, 2, 15)))
                .isEqualTo(new LimitPeriod.Range(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29)));
    }

    @Test
    void quartersStartInJanuaryAprilJulyAndOctober() {
        assertThat(LimitPeriod.QUARTER.containing(LocalDate.of(2026, 1, 1)))
                .isEqualTo(new LimitPeriod.Range(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)));
        assertThat(LimitPeriod.QUARTER.containing(LocalDate.of(2026, 6, 30)))
                .isEqualTo(new LimitPeriod.Range(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)));
        assertThat(LimitPeriod.QUARTER.containing(LocalDate.of(2026, 11, 22)))
                .isEqualTo(new LimitPeriod.Range(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void aYearIsTheCalendarYear() {
        LimitPeriod.Range year = LimitPeriod.YEAR.containing(LocalDate.of(2026, 12, 31));
        assertThat(year).isEqualTo(new LimitPeriod.Range(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(year.contains(LocalDate.of(2027, 1, 1))).isFalse();
    }
}
