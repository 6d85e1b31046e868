package dk.fsc.devices.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

import dk.fsc.shared.TimeConfiguration;

/**
 * Working days and hours for timed targets: Monday to Friday, 08:00 to 16:00 Danish time, except
 * the Danish public holidays (helligdage): New Year's Day, Maundy Thursday, Good Friday, Easter
 * Sunday and Monday, Great Prayer Day (the fourth Friday after Easter, abolished from 2024),
 * Ascension Day, Whit Sunday and Monday, Christmas Day and Boxing Day.
 */
final class WorkingCalendar {

    static final LocalTime DAY_START = LocalTime.of(8, 0);
    static final LocalTime DAY_END = LocalTime.of(16, 0);

    private WorkingCalendar() {
    }

    /** Easter Sunday of {@code year} (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
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

    static Set<LocalDate> holidays(int year) {
        LocalDate easter = easterSunday(year);
        Set<LocalDate> days = new HashSet<>(Set.of(LocalDate.of(year, 1, 1), easter.minusDays(3), easter.minusDays(2),
                easter, easter.plusDays(1), easter.plusDays(39), easter.plusDays(49), easter.plusDays(50),
                LocalDate.of(year, 12, 25), LocalDate.of(year, 12, 26)));
        if (year < 2024) {
            days.add(easter.plusDays(26));
        }
        return days;
    }

    static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays(day.getYear()).contains(day);
    }

    /** The end of the {@code days}-th working day after {@code from}'s day. */
    static Instant afterWorkingDays(Instant from, int days) {
        LocalDate day = from.atZone(TimeConfiguration.DANISH_TIME).toLocalDate();
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day.atTime(DAY_END).atZone(TimeConfiguration.DANISH_TIME).toInstant();
    }

    /** The moment {@code hours} working hours after {@code from}, counting only working days' 08-16. */
    static Instant afterWorkingHours(Instant from, int hours) {
        ZonedDateTime at = from.atZone(TimeConfiguration.DANISH_TIME);
        long minutesLeft = hours * 60L;
        while (true) {
            LocalDate day = at.toLocalDate();
            if (isWorkingDay(day) && at.toLocalTime().isBefore(DAY_END)) {
                ZonedDateTime start = at.toLocalTime().isBefore(DAY_START)
                        ? day.atTime(DAY_START).atZone(TimeConfiguration.DANISH_TIME) : at;
                ZonedDateTime end = day.atTime(DAY_END).atZone(TimeConfiguration.DANISH_TIME);
                long available = java.time.Duration.between(start, end).toMinutes();
                if (available >= minutesLeft) {
                    return start.plusMinutes(minutesLeft).toInstant();
                }
                minutesLeft -= available;
            }
            at = day.plusDays(1).atTime(DAY_START).atZone(TimeConfiguration.DANISH_TIME);
        }
    }
}
