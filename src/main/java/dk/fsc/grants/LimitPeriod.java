package dk.fsc.grants;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The period a grant line's quantity limit applies to: the calendar month, quarter or year
 * (in Danish time) that contains the order date.
 */
public enum LimitPeriod {
    MONTH, QUARTER, YEAR;

    /** The first and last day of the period that contains {@code date}. */
    public Range containing(LocalDate date) {
        return switch (this) {
            case MONTH -> new Range(date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth()));
            case QUARTER -> {
                LocalDate first = date.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new Range(first, first.plusMonths(3).minusDays(1));
            }
            case YEAR -> new Range(date.withDayOfYear(1), date.with(TemporalAdjusters.lastDayOfYear()));
        };
    }

    /** Both days included. */
    public record Range(LocalDate from, LocalDate to) {

        public boolean contains(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }
}
