package dk.fsc.devices.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import dk.fsc.shared.DanishWorkingDays;
import dk.fsc.shared.TimeConfiguration;

/**
 * Working days and hours for timed targets: 08:00 to 16:00 Danish time on the working days of
 * {@link DanishWorkingDays} (Monday to Friday except the Danish public holidays).
 */
final class WorkingCalendar {

    static final LocalTime DAY_START = LocalTime.of(8, 0);
    static final LocalTime DAY_END = LocalTime.of(16, 0);

    private WorkingCalendar() {
    }

    /** The end of the {@code days}-th working day after {@code from}'s day. */
    static Instant afterWorkingDays(Instant from, int days) {
        LocalDate day = DanishWorkingDays.after(from.atZone(TimeConfiguration.DANISH_TIME).toLocalDate(), days);
        return day.atTime(DAY_END).atZone(TimeConfiguration.DANISH_TIME).toInstant();
    }

    /** The moment {@code hours} working hours after {@code from}, counting only working days' 08-16. */
    static Instant afterWorkingHours(Instant from, int hours) {
        ZonedDateTime at = from.atZone(TimeConfiguration.DANISH_TIME);
        long minutesLeft = hours * 60L;
        while (true) {
            LocalDate day = at.toLocalDate();
            if (DanishWorkingDays.isWorkingDay(day) && at.toLocalTime().isBefore(DAY_END)) {
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
