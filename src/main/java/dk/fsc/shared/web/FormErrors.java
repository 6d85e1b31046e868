package dk.fsc.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.fsc.shared.problem.FieldError;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** The reasons a form was rejected, by field and in the reader's language, for showing next to each field. */
public final class FormErrors {

    private FormErrors() {
    }

    public static Map<String, String> byField(List<FieldError> errors, MessageSource messages) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.merge(error.field(), error.worded(messages, locale).message(),
                (a, b) -> a + "; " + b));
        return byField;
    }
}
