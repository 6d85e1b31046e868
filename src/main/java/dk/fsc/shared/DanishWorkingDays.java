package dk.fsc.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Danish working days: Monday to Friday except the public holidays (helligdage): New Year's Day,
 * Maundy Thursday, Good Friday, Easter Sunday and Monday, Great Prayer Day (the fourth Friday after
 * Easter, abolished from 2024), Ascension Day, Whit Sunday and Monday, Christmas Day and Boxing
 * Day. Christmas Eve, New Year's Eve, 1 May and Constitution Day are no public holidays and count.
 * The one calendar for every deadline counted in working days (work-order targets, complaints).
 */
public final class DanishWorkingDays {

    private DanishWorkingDays() {
    }

    /** Easter Sunday of {@code year} (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    public static Set<LocalDate> holidays(int year) {
        LocalDate easter = easterSunday(year);
        Set<LocalDate> days = new HashSet<>(Set.of(LocalDate.of(year, 1, 1), easter.minusDays(3), easter.minusDays(2),
                easter, easter.plusDays(1), easter.plusDays(39), easter.plusDays(49), easter.plusDays(50),
                LocalDate.of(year, 12, 25), LocalDate.of(year, 12, 26)));
        if (year < 2024) {
            days.add(easter.plusDays(26));
        }
        return days;
    }

    public static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays(day.getYear()).contains(day);
    }

    /** The {@code days}-th working day after {@code from} ({@code from} itself not counted). */
    public static LocalDate after(LocalDate from, int days) {
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
