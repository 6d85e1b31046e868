package dk.fsc.shared;

import java.util.List;
import java.util.regex.Pattern;

import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;

/**
 * A GS1 Global Trade Item Number (the EAN on a pack): 8, 12, 13 or 14 digits, the last a
 * check digit by GS1's modulus 10 (from the right, digits weighted 3, 1, 3, 1, ...). Kept as
 * written, since GTIN-13 and GTIN-14 of one pack are different numbers to a scanner's reader.
 */
public record Gtin(String digits) {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{8}|[0-9]{12,14}");

    public Gtin {
        if (!isValid(digits)) {
            throw new IllegalArgumentException("Not a GTIN: must be 8, 12, 13 or 14 digits with a GS1 check digit");
        }
    }

    /** Parses user input, naming {@code field} and what is wrong when it is not a GTIN. */
    public static Gtin parse(String field, String input) {
        String digits = input.strip();
        if (!FORMAT.matcher(digits).matches()) {
            throw new InvalidInputException("The GTIN is not 8, 12, 13 or 14 digits.",
                    List.of(FieldError.of(field, "shared.error.gtin")));
        }
        int expected = checkDigit(digits.substring(0, digits.length() - 1));
        if (expected != digits.charAt(digits.length() - 1) - '0') {
            throw new InvalidInputException("The GTIN has a wrong check digit.",
                    List.of(FieldError.of(field, "shared.error.gtinCheckDigit", expected)));
        }
        return new Gtin(digits);
    }

    public static boolean isValid(String digits) {
        return FORMAT.matcher(digits).matches()
                && checkDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }

    /** The GTIN that {@code digitsWithoutCheck} (7, 11, 12 or 13 digits) becomes with its check digit. */
    public static Gtin withCheckDigit(String digitsWithoutCheck) {
        return new Gtin(digitsWithoutCheck + checkDigit(digitsWithoutCheck));
    }

    /** GS1 modulus 10: the rightmost digit weighs 3, the next 1, and so on; the check tops the sum up to a ten. */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? 3 * digit : digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** Written with 14 digits (a leading 0 per missing digit), so a GTIN-13 and the GTIN-14 of one pack compare equal. */
    public String as14Digits() {
        return "0".repeat(14 - digits.length()) + digits;
    }

    @Override
    public String toString() {
        return digits;
    }
}
