package dk.fsc.orders.internal;

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

    @Nullable String reason(ConsumptionControl.@Nullable Reason reason, Locale locale) {
        return reason == null ? null
                : messages.getMessage("orders.reason." + reason.code(), reason.args().toArray(), locale);
    }
}
