package dk.fsc.warehouse.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import dk.fsc.shared.TimeConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The day an accepted order is planned for delivery: the first day on or after the earliest
 * possible day that the route of its delivery address's postal code is driven (working days,
 * Monday to Friday, for a postal code no route covers). The earliest possible day is the later
 * of the citizen's wanted date and the first day the warehouse can ship: today when the
 * warehouse takes the order before the cut-off ({@code fsc.warehouse.order-cutoff}, Danish
 * local time, 14:00 by default), else tomorrow. Time is the injected clock's, in Danish time.
 */
@Component
class DeliveryPlanning {

    private final DeliveryRoutes routes;
    private final Clock clock;
    private final LocalTime cutoff;

    DeliveryPlanning(DeliveryRoutes routes, Clock clock,
            @Value("${fsc.warehouse.order-cutoff:14:00}") String cutoff) {
        this.routes = routes;
        this.clock = clock;
        this.cutoff = LocalTime.parse(cutoff);
    }

    /** The delivery day of an order to {@code postalCode} taken now, wanted on {@code wanted} if said. */
    LocalDate deliveryDate(String postalCode, @Nullable LocalDate wanted) {
        return routes.firstDayOnOrAfter(postalCode, earliestDay(clock.instant(), cutoff, wanted));
    }

    /**
     * The earliest day an order taken at {@code now} can be delivered: the first day the
     * warehouse can ship (today before the cut-off in Danish time, else tomorrow), or the wanted
     * date if later.
     */
    static LocalDate earliestDay(Instant now, LocalTime cutoff, @Nullable LocalDate wanted) {
        ZonedDateTime danish = now.atZone(TimeConfiguration.DANISH_TIME);
        LocalDate shippable = danish.toLocalTime().isBefore(cutoff) ? danish.toLocalDate()
                : danish.toLocalDate().plusDays(1);
        return wanted == null || wanted.isBefore(shippable) ? shippable : wanted;
    }
}
