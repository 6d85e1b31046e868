package dk.fsc.orders.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Consumption control's reasons in words: English in the API, the reader's language on pages. */
@Component
class OrderTexts {

    private final MessageSource messages;

    OrderTexts(MessageSource messages) {
        this.messages = messages;
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy");
    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy");

    /** The reason in words; its dates (stored as ISO dates) as a reader of {@code locale} writes them. */
    @Nullable String reason(ConsumptionControl.@Nullable Reason reason, Locale locale) {
        if (reason == null) {
            return null;
        }
        DateTimeFormatter dates = ("en".equals(locale.getLanguage()) ? DATE : DANISH_DATE).withLocale(locale);
        Object[] args = reason.args().stream().map(arg -> arg.matches("\\d{4}-\\d{2}-\\d{2}")
                ? dates.format(LocalDate.parse(arg)) : arg).toArray();
        return messages.getMessage("orders.reason." + reason.code(), args, locale);
    }
}
