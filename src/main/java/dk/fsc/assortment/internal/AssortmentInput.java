package dk.fsc.assortment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;

/** Checks of assortment input; each adds a {@link FieldError} and returns the clean value (or null). */
final class AssortmentInput {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern ISO_9999 = Pattern.compile("([0-9]{2})[ .]?(?:([0-9]{2})[ .]?([0-9]{2})?)?");

    private AssortmentInput() {
    }

    static String text(String field, @Nullable String input, int max, List<FieldError> errors) {
        String value = input == null ? "" : input.strip();
        if (value.isEmpty() || value.length() > max) {
            errors.add(FieldError.of(field, "assortment.error.length", max));
        }
        return value;
    }

    /** Blank means none. */
    static @Nullable String optionalText(String field, @Nullable String input, int max, List<FieldError> errors) {
        if (input == null || input.isBlank()) {
            return null;
        }
        return text(field, input, max, errors);
    }

    static @Nullable String code(String field, @Nullable String input, List<FieldError> errors) {
        String value = input == null ? "" : input.strip();
        if (!CODE.matcher(value).matches()) {
            errors.add(FieldError.of(field, "assortment.error.code"));
            return null;
        }
        return value;
    }

    static <T> @Nullable T required(String field, @Nullable T value, List<FieldError> errors) {
        if (value == null) {
            errors.add(FieldError.of(field, "assortment.error.required"));
        }
        return value;
    }

    /** ISO 9999 class, subclass and division as {@code 09 18 21}; {@code 091821} and {@code 09.18.21} are accepted. */
    static @Nullable String isoCode(@Nullable String input, List<FieldError> errors) {
        if (input == null || input.isBlank()) {
            return null;
        }
        var matcher = ISO_9999.matcher(input.strip());
        if (!matcher.matches()) {
            errors.add(FieldError.of("isoCode", "assortment.error.isoCode"));
            return null;
        }
        StringBuilder code = new StringBuilder(matcher.group(1));
        for (int group = 2; group <= 3 && matcher.group(group) != null; group++) {
            code.append(' ').append(matcher.group(group));
        }
        return code.toString();
    }

    /**
     * A price or rate's first day. It must lie after today (Danish date), so that nothing
     * already ordered or invoiced changes price: a price change never alters the past.
     */
    static void notInThePast(String field, @Nullable LocalDate validFrom, Clock clock, List<FieldError> errors) {
        LocalDate today = today(clock);
        if (validFrom != null && !validFrom.isAfter(today)) {
            errors.add(FieldError.of(field, "assortment.error.notAfterToday", today.toString()));
        }
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
    }

    /** An id in a page's path; one that is no UUID is a page that does not exist. */
    static UUID pathId(String input, String notFound) {
        try {
            return UUID.fromString(input);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(notFound);
        }
    }

    static void check(String detail, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(detail, errors);
        }
    }
}
