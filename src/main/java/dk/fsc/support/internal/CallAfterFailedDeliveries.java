package dk.fsc.support.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import dk.fsc.warehouse.DeliveryAttemptFailed;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The carrier failed to deliver a shipment twice: the call center's queue gets a task to call
 * the citizen, one per order however often the carrier fails or the event is delivered.
 */
@Component
class CallAfterFailedDeliveries {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final FollowUpTasks tasks;
    private final MessageSource messages;

    CallAfterFailedDeliveries(FollowUpTasks tasks, MessageSource messages) {
        this.tasks = tasks;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(DeliveryAttemptFailed failed) {
        if (!failed.callCitizen()) {
            return;
        }
        UUID id = UUID.nameUUIDFromBytes(("delivery-failed:" + failed.orderId().value())
                .getBytes(StandardCharsets.UTF_8));
        tasks.fromSystem(id, failed.citizenId().value(), failed.municipality().value(),
                messages.getMessage("support.task.deliveryFailed", new Object[] { failed.carrier(),
                        failed.trackingNumber(), failed.failedAttempts() }, DANISH),
                FollowUpTasks.Team.CALL_CENTER, FollowUpTasks.Priority.HIGH, "system:warehouse");
    }
}
