package dk.fsc.shared.problem;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * One reason a request was rejected: the field (or line) and what is wrong with it.
 *
 * @param message   the reason in English, or the key of a reason in the message bundles
 *                  (e.g. {@code citizens.error.phone}) that {@link #worded} puts in the
 *                  reader's language
 * @param arguments the values the bundle's text refers to as {0}, {1}, …
 */
public record FieldError(String field, String message, List<Object> arguments) {

    public FieldError {
        arguments = List.copyOf(arguments);
    }

    public FieldError(String field, String message) {
        this(field, message, List.of());
    }

    /** A reason worded by the message bundles: {@code key} with its {@code arguments}. */
    public static FieldError of(String field, String key, Object... arguments) {
        return new FieldError(field, key, List.of(arguments));
    }

    /** This reason in {@code locale}; a message that is no bundle key is kept as it is. */
    public FieldError worded(MessageSource messages, Locale locale) {
        return new FieldError(field, messages.getMessage(message, arguments.toArray(), message, locale));
    }

    /**
     * What is wrong with a line of an imported file: the field is {@code line N}, counted from 1;
     * the reason is English or a bundle key with its {@code arguments}.
     */
    public static FieldError line(int number, String message, Object... arguments) {
        return new FieldError("line " + number, message, List.of(arguments));
    }
}
