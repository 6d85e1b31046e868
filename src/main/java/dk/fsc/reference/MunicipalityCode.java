package dk.fsc.reference;

import java.util.List;
import java.util.regex.Pattern;

import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;

/**
 * The official three-digit municipality code (kommunekode), e.g. {@code 751} for Aarhus.
 * The four-digit form with a leading zero ({@code 0751}) is accepted and normalised.
 */
public record MunicipalityCode(String value) {

    private static final Pattern THREE_DIGITS = Pattern.compile("[1-9][0-9]{2}");

    public MunicipalityCode {
        if (!THREE_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a municipality code: " + value);
        }
    }

    /** Parses user input, naming {@code field} in the error when it is not a code. */
    public static MunicipalityCode parse(String field, String input) {
        String trimmed = input.strip();
        if (trimmed.length() == 4 && trimmed.charAt(0) == '0') {
            trimmed = trimmed.substring(1);
        }
        if (!THREE_DIGITS.matcher(trimmed).matches()) {
            throw new InvalidInputException("The municipality code is not three digits.",
                    List.of(FieldError.of(field, "reference.error.municipalityCode")));
        }
        return new MunicipalityCode(trimmed);
    }

    @Override
    public String toString() {
        return value;
    }
}
