package dk.fsc.statistics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A month or a quarter, written {@code 2019-05} or {@code 2019-Q2} in the API and in files;
 * identified by its first day.
 */
public record Period(Kind kind, LocalDate start) implements Comparable<Period> {

    public enum Kind {
        MONTH(1), QUARTER(3);

        final int months;

        Kind(int months) {
            this.months = months;
        }
    }

    private static final Pattern MONTH = Pattern.compile("([0-9]{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("([0-9]{4})-[QqKk]([1-4])");

    /** The period {@code text} names, when it is one of {@code kind} between the years 1900 and 2200. */
    static Optional<Period> parse(Kind kind, String text) {
        Matcher matcher = (kind == Kind.MONTH ? MONTH : QUARTER).matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(matcher.group(1));
        if (year < 1900 || year > 2200) {
            return Optional.empty();
        }
        int number = Integer.parseInt(matcher.group(2));
        int month = kind == Kind.MONTH ? number : (number - 1) * 3 + 1;
        return Optional.of(new Period(kind, LocalDate.of(year, month, 1)));
    }

    /** The period of {@code kind} the day lies in. */
    static Period containing(Kind kind, LocalDate day) {
        int month = kind == Kind.MONTH ? day.getMonthValue() : (day.getMonthValue() - 1) / 3 * 3 + 1;
        return new Period(kind, LocalDate.of(day.getYear(), month, 1));
    }

    int year() {
        return start.getYear();
    }

    /** The month (1-12) or quarter (1-4). */
    int number() {
        return kind == Kind.MONTH ? start.getMonthValue() : (start.getMonthValue() - 1) / 3 + 1;
    }

    /** The written form: {@code 2019-05} or {@code 2019-Q2}. */
    public String code() {
        return kind == Kind.MONTH ? "%d-%02d".formatted(year(), number()) : "%d-Q%d".formatted(year(), number());
    }

    LocalDate endExclusive() {
        return start.plusMonths(kind.months);
    }

    Period next() {
        return new Period(kind, endExclusive());
    }

    /** This period and every one after it up to and including {@code last}. */
    List<Period> through(Period last) {
        List<Period> periods = new ArrayList<>();
        for (Period period = this; period.compareTo(last) <= 0; period = period.next()) {
            periods.add(period);
        }
        return periods;
    }

    @Override
    public int compareTo(Period other) {
        return start.compareTo(other.start);
    }
}
