package dk.fsc.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.fsc.shared.problem.InvalidInputException;

/**
 * A Danish personal identification number (CPR-nummer): ten digits, the first six a real
 * date of birth, the century given by the seventh digit (CPR-kontoret's table). The
 * modulus-11 check is not required: numbers issued since 2007 need not satisfy it.
 * <p>
 * {@link #toString()} never reveals the number, so that a CPR cannot end up in a log line
 * or an error message by accident; {@link #digits()} is for storage and comparison only.
 */
public final class Cpr {

    private static final Pattern FORMAT = Pattern.compile("([0-9]{6})[- ]?([0-9]{4})");
    /** Ten digits, or six and four apart by a hyphen or a space (also URL-encoded), not inside a longer number. */
    private static final Pattern SHAPED = Pattern.compile("(?<![0-9])[0-9]{6}(?:-| |%20|\\+)?[0-9]{4}(?![0-9])");
    private static final String HIDDEN = "XXXXXX-XXXX";

    private final String digits;
    private final LocalDate birthDate;

    private Cpr(String digits, LocalDate birthDate) {
        this.digits = digits;
        this.birthDate = birthDate;
    }

    /** Parses {@code DDMMYYSSSS}, {@code DDMMYY-SSSS} or {@code DDMMYY SSSS}; throws {@link IllegalArgumentException} otherwise. */
    public static Cpr of(String input) {
        Matcher matcher = FORMAT.matcher(input.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a CPR number: must be 10 digits, DDMMYY-XXXX");
        }
        String digits = matcher.group(1) + matcher.group(2);
        int day = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        int yy = Integer.parseInt(digits.substring(4, 6));
        int seventh = digits.charAt(6) - '0';
        try {
            return new Cpr(digits, LocalDate.of(century(seventh, yy) + yy, month, day));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Not a CPR number: the first six digits are not a date of birth");
        }
    }

    /** Parses user input, naming {@code field} in the error when it is not a CPR number. */
    public static Cpr parse(String field, String input) {
        try {
            return of(input);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "must be a CPR number, 10 digits DDMMYY-XXXX with a real date of birth");
        }
    }

    public static boolean isValid(String input) {
        try {
            of(input);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether {@code text} holds something shaped like a CPR number, valid or not: what a
     * person may have typed in the wrong field, and so must not be logged or echoed.
     */
    public static boolean appearsIn(String text) {
        return SHAPED.matcher(text).find();
    }

    /** {@code text} with everything shaped like a CPR number replaced by {@code XXXXXX-XXXX}. */
    public static String hideIn(String text) {
        return SHAPED.matcher(text).replaceAll(HIDDEN);
    }

    /** The century of birth by the seventh digit and the two-digit year (CPR-kontoret). */
    static int century(int seventh, int yy) {
        return switch (seventh) {
            case 0, 1, 2, 3 -> 1900;
            case 4, 9 -> yy <= 36 ? 2000 : 1900;
            case 5, 6, 7, 8 -> yy <= 57 ? 2000 : 1800;
            default -> throw new IllegalArgumentException("not a digit: " + seventh);
        };
    }

    /** The ten digits without hyphen. Only for encryption, keyed hashing and showing to those who may see it. */
    public String digits() {
        return digits;
    }

    /** {@code DDMMYY-XXXX}: the full number in its usual written form. */
    public String formatted() {
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    /** {@code DDMMYY-XXXX} with the last four digits hidden. */
    public String masked() {
        return digits.substring(0, 6) + "-XXXX";
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** The masked form: a CPR is never printed in full by accident. */
    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cpr cpr && cpr.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }
}
