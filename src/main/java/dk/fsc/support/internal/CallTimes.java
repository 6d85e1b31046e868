package dk.fsc.support.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dk.fsc.shared.TimeConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * A call record's time: ISO-8601 with an offset ({@code 2026-11-25T09:00:05+01:00}, {@code …Z}) or
 * Danish local time ({@code 2026-11-25 09:00:05} or with a {@code T}).
 *
 * <p>The shapes a telephone system writes are read character by character, and anything else by
 * {@code java.time}'s formatters, which read the same texts the same way. The formatters alone
 * were more than half of a 500,000-call import: each parse resolves its fields through maps.
 */
final class CallTimes {

    private CallTimes() {
    }

    /** The instant, or null when the text is no such time. */
    static @Nullable Instant parse(String text) {
        try {
            Instant fast = fast(text);
            return fast != null ? fast : formatted(text);
        } catch (DateTimeException notATime) {
            return null;
        }
    }

    private static Instant formatted(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notWithOffset) {
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(TimeConfiguration.DANISH_TIME).toInstant();
        }
    }

    /** {@code yyyy-MM-dd(T| )HH:mm:ss[.f…]} then nothing, {@code Z} or {@code ±HH:MM} (after a T); else null. */
    private static @Nullable Instant fast(String text) {
        int length = text.length();
        if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        char separator = text.charAt(10);
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((separator != 'T' && separator != ' ') || (year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (at < length && text.charAt(at) == '.') {
            int end = at + 1;
            while (end < length && end - at <= 9 && Character.isDigit(text.charAt(end))) {
                end++;
            }
            if (end == at + 1 || (end < length && Character.isDigit(text.charAt(end)))) {
                return null;
            }
            nanos = digits(text, at + 1, end - at - 1);
            for (int places = end - at - 1; places < 9; places++) {
                nanos *= 10;
            }
            at = end;
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        if (at == length) {
            return local.atZone(TimeConfiguration.DANISH_TIME).toInstant();
        }
        if (separator != 'T') {
            return null;
        }
        if (at == length - 1 && text.charAt(at) == 'Z') {
            return local.toInstant(ZoneOffset.UTC);
        }
        char sign = text.charAt(at);
        if (at != length - 6 || (sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
            return null;
        }
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if ((hours | minutes) < 0) {
            return null;
        }
        return local.toInstant(sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
                : ZoneOffset.ofHoursMinutes(-hours, -minutes));
    }

    /** The number written by {@code count} ASCII digits from {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
