package dk.fsc.assortment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.web.FormErrors;
import dk.fsc.shared.web.Kroner;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * Reading what the assortment's forms send, before the use case checks it as it checks API
 * input: a value that cannot be read becomes one the use case refuses with its own reason, so
 * the form shows the same reasons as the API, next to the field that was typed.
 */
final class AssortmentForm {

    private static final long NO_AMOUNT = -1;

    private AssortmentForm() {
    }

    static String orBlank(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    /** Kroner as Danes type them ({@code 810,00}); blank is none; anything else an amount the use case refuses. */
    static @Nullable Long ore(String typed) {
        return typed.isBlank() ? null : Kroner.parse(typed).orElse(NO_AMOUNT);
    }

    /** A percentage with a decimal comma or point; anything else one the use case refuses. */
    static @Nullable BigDecimal percent(String typed) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip().replace("%", "").strip().replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            return BigDecimal.ONE.negate();
        }
    }

    /**
     * The dates of a form ({@code yyyy-MM-dd}, as a date field sends them; blank is none). A
     * date that is no date is refused before the use case runs, since no value stands in for it.
     */
    static Map<String, @Nullable LocalDate> dates(Map<String, String> typed) {
        Map<String, @Nullable LocalDate> dates = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        typed.forEach((field, text) -> {
            try {
                dates.put(field, text.isBlank() ? null : LocalDate.parse(text.strip()));
            } catch (DateTimeParseException notADate) {
                errors.add(FieldError.of(field, "assortment.error.date"));
            }
        });
        AssortmentInput.check("The form has dates that are no dates.", errors);
        return dates;
    }

    /** The reasons by the form's field names: {@code renamed} maps a use case's field to the form's. */
    static Map<String, String> errors(List<FieldError> errors, Map<String, String> renamed, MessageSource messages) {
        return FormErrors.byField(errors.stream().map(error -> new FieldError(
                renamed.getOrDefault(error.field(), error.field()), error.message(), error.arguments())).toList(),
                messages);
    }
}
