package dk.fsc.shared;

import java.util.List;
import java.util.regex.Pattern;

import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;

/**
 * A Danish company registration number (CVR-nummer): eight digits whose sum, weighted
 * 2, 7, 6, 5, 4, 3, 2, 1, is divisible by 11 (the modulus-11 control of the CVR register).
 */
public record Cvr(String digits) {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{8}");
    private static final int[] WEIGHTS = { 2, 7, 6, 5, 4, 3, 2, 1 };

    public Cvr {
        if (!isValid(digits)) {
            throw new IllegalArgumentException("Not a CVR number: must be 8 digits passing modulus 11");
        }
    }

    /** Parses user input ({@code 12345678}, {@code DK12345678} or {@code 12 34 56 78}), naming {@code field} when it is no CVR number. */
    public static Cvr parse(String field, String input) {
        String digits = input.strip().replace(" ", "");
        if (digits.regionMatches(true, 0, "DK", 0, 2)) {
            digits = digits.substring(2);
        }
        if (!FORMAT.matcher(digits).matches()) {
            throw new InvalidInputException("The CVR number is not 8 digits.",
                    List.of(FieldError.of(field, "shared.error.cvr")));
        }
        if (!passesModulus11(digits)) {
            throw new InvalidInputException("The CVR number fails the modulus-11 check.",
                    List.of(FieldError.of(field, "shared.error.cvrModulus11")));
        }
        return new Cvr(digits);
    }

    public static boolean isValid(String digits) {
        return FORMAT.matcher(digits).matches() && passesModulus11(digits);
    }

    private static boolean passesModulus11(String digits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i] * (digits.charAt(i) - '0');
        }
        return sum % 11 == 0;
    }

    @Override
    public String toString() {
        return digits;
    }
}
