package dk.fsc.citizens.internal;

import java.util.List;
import java.util.regex.Pattern;

import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.Cpr;
import dk.fsc.shared.EmailAddress;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Checks of citizen input; each adds a {@link FieldError} and returns the clean value (or null).
 * The reasons are keys of {@code i18n/citizens*.properties}, so forms and the API word them in
 * the reader's language.
 */
final class CitizenInput {

    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{4}");
    private static final Pattern PHONE = Pattern.compile("(?:\\+45|0045)?([0-9]{8})");

    private CitizenInput() {
    }

    static @Nullable Cpr cpr(@Nullable String input, List<FieldError> errors) {
        try {
            return Cpr.of(input == null ? "" : input);
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("cpr", "citizens.error.cpr"));
            return null;
        }
    }

    static String text(String field, @Nullable String input, int max, List<FieldError> errors) {
        String value = input == null ? "" : input.strip();
        if (value.isEmpty() || value.length() > max) {
            errors.add(FieldError.of(field, "citizens.error.length", max));
        }
        return value;
    }

    static String postalCode(String field, @Nullable String input, List<FieldError> errors) {
        String value = input == null ? "" : input.strip();
        if (!POSTAL_CODE.matcher(value).matches()) {
            errors.add(FieldError.of(field, "citizens.error.postalCode"));
        }
        return value;
    }

    /** A known municipality's three-digit code, or null (with an error) when it is not one. */
    static @Nullable String municipality(@Nullable String input, ReferenceData reference, List<FieldError> errors) {
        try {
            MunicipalityCode code = MunicipalityCode.parse("municipalityCode", input == null ? "" : input);
            if (reference.municipality(code).isEmpty()) {
                errors.add(FieldError.of("municipalityCode", "citizens.error.unknownMunicipality"));
                return null;
            }
            return code.value();
        } catch (InvalidInputException e) {
            errors.add(FieldError.of("municipalityCode", "citizens.error.municipalityCode"));
            return null;
        }
    }

    /** Eight digits, optionally after +45; spaces are ignored; blank means none. */
    static @Nullable String phone(@Nullable String input, List<FieldError> errors) {
        if (input == null || input.isBlank()) {
            return null;
        }
        var matcher = PHONE.matcher(input.replace(" ", ""));
        if (!matcher.matches()) {
            errors.add(FieldError.of("phone", "citizens.error.phone"));
            return null;
        }
        return matcher.group(1);
    }

    static @Nullable String email(@Nullable String input, List<FieldError> errors) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String value = input.strip();
        if (!EmailAddress.isValid(value)) {
            errors.add(FieldError.of("email", "citizens.error.email"));
            return null;
        }
        return value;
    }

    static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The citizen has invalid fields.", errors);
        }
    }
}
