package dk.fsc.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.fsc.shared.problem.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** The reasons a form was rejected, by field and in the reader's language, for showing next to each field. */
public final class FormErrors {

    private static final String LINE = "line ";

    private FormErrors() {
    }

    public static Map<String, String> byField(List<FieldError> errors, MessageSource messages) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.merge(error.field(), error.worded(messages, locale).message(),
                (a, b) -> a + "; " + b));
        return byField;
    }

    /** A refused line of an imported file, worded: where ("Linje 3") and why. */
    public record LineError(String where, String reason) {
    }

    /** The reasons of a refused import that name a line ({@link FieldError#line}), worded in the reader's language. */
    public static List<LineError> byLine(List<FieldError> errors, MessageSource messages) {
        Locale locale = LocaleContextHolder.getLocale();
        List<LineError> lines = new ArrayList<>();
        for (FieldError error : errors) {
            if (error.field().startsWith(LINE)) {
                int number = Integer.parseInt(error.field().substring(LINE.length()));
                lines.add(new LineError(messages.getMessage("form.line", new Object[] { number }, locale),
                        error.worded(messages, locale).message()));
            }
        }
        return lines;
    }

    /** How many lines of an import were refused, in words, or null when no line was. */
    public static @Nullable String linesSummary(List<FieldError> errors, MessageSource messages) {
        long lines = errors.stream().map(FieldError::field).filter(field -> field.startsWith(LINE)).distinct().count();
        return lines == 0 ? null
                : messages.getMessage("form.invalidLines", new Object[] { lines }, LocaleContextHolder.getLocale());
    }
}
