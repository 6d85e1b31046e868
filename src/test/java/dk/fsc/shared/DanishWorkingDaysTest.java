package dk.fsc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DanishWorkingDaysTest {

    @Test
    void publicHolidaysComeFromEasterAndGreatPrayerDayEndedIn2023() {
        assertThat(DanishWorkingDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(DanishWorkingDays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(DanishWorkingDays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(DanishWorkingDays.holidays(2026)).containsExactlyInAnyOrder(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 5), LocalDate.of(2026, 4, 6),
                LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 24), LocalDate.of(2026, 5, 25),
                LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
        assertThat(DanishWorkingDays.holidays(2023)).contains(LocalDate.of(2023, 5, 5)).hasSize(11);
        assertThat(DanishWorkingDays.isWorkingDay(LocalDate.of(2026, 5, 1))).as("1 May counts").isTrue();
        assertThat(DanishWorkingDays.isWorkingDay(LocalDate.of(2026, 6, 5))).as("Constitution Day counts").isTrue();
        assertThat(DanishWorkingDays.isWorkingDay(LocalDate.of(2026, 12, 24))).as("Christmas Eve counts").isTrue();
    }

    @Test
    void workingDaysSkipWeekendsAndPublicHolidays() {
        LocalDate friday = LocalDate.of(2026, 11, 27);
        assertThat(DanishWorkingDays.after(friday, 1)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(DanishWorkingDays.after(friday, 5)).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(DanishWorkingDays.after(LocalDate.of(2026, 11, 28), 1)).as("from a Saturday")
                .isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(DanishWorkingDays.after(friday, 0)).isEqualTo(friday);
        // Wednesday 23 December 2026: the 24th, then Christmas Day, Boxing Day (a Saturday) and the weekend.
        assertThat(DanishWorkingDays.after(LocalDate.of(2026, 12, 23), 2)).isEqualTo(LocalDate.of(2026, 12, 28));
        // Wednesday 24 March 2027 before Easter: Maundy Thursday, Good Friday, the weekend and Easter Monday pass.
        assertThat(DanishWorkingDays.after(LocalDate.of(2027, 3, 24), 1)).isEqualTo(LocalDate.of(2027, 3, 30));
        assertThat(DanishWorkingDays.after(LocalDate.of(2026, 5, 13), 1)).as("over Ascension Day")
                .isEqualTo(LocalDate.of(2026, 5, 15));
    }
}
