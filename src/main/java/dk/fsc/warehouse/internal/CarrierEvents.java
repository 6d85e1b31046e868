package dk.fsc.warehouse.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.orders.OrderId;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.warehouse.DeliveryAttemptFailed;
import dk.fsc.warehouse.internal.FulfilmentRepository.Fulfilment;
import dk.fsc.warehouse.internal.FulfilmentRepository.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the carrier reports about a shipment, through its API key. Each report is kept once by
 * the carrier's event id; a repeated report is answered exactly as the first was and changes
 * nothing. Reports may arrive out of order: a delivery is final whatever arrives after it, and
 * the shipment's tracking shows the events as they happened. Delivered: the order is delivered.
 * A failed attempt is counted and the shipment goes out again on its route's next day
 * ({@link DeliveryAttemptFailed}); after two the agents call the citizen.
 */
@Service
class CarrierEvents {

    enum Type {
        PICKED_UP, OUT_FOR_DELIVERY, DELIVERED, FAILED_ATTEMPT, RETURNED
    }

    record Report(@Nullable String carrierEventId, @Nullable String type, @Nullable String occurredAt,
            @Nullable String note) {
    }

    /** The answer to a report, stored with it so that a repeat gets the same. */
    record Answer(UUID shipmentId, String carrierEventId, String type, Instant occurredAt, String shipmentStatus,
            int failedAttempts) {
    }

    static final String NO_SHIPMENT = "The warehouse has no shipment with this id.";

    private final FulfilmentRepository fulfilments;
    private final Picking picking;
    private final CurrentUsers currentUsers;
    private final JsonMapper json;
    private final Clock clock;
    private final DeliveryRoutes routes;
    private final ApplicationEventPublisher events;

    CarrierEvents(FulfilmentRepository fulfilments, Picking picking, CurrentUsers currentUsers, JsonMapper json,
            Clock clock, DeliveryRoutes routes, ApplicationEventPublisher events) {
        this.fulfilments = fulfilments;
        this.routes = routes;
        this.events = events;
        this.picking = picking;
        this.currentUsers = currentUsers;
        this.json = json;
        this.clock = clock;
    }

    /** The answer as JSON: the first report's, for a repeat. */
    @Transactional
    String report(UUID shipmentId, Report report) {
        Fulfilment order = fulfilments.findShipmentForUpdate(shipmentId)
                .orElseThrow(() -> new NotFoundException(NO_SHIPMENT,
                        List.of(FieldError.of("shipmentId", "warehouse.error.carrier.shipment"))));
        FulfilmentRepository.CarrierEvent event = valid(shipmentId, report);
        var earlier = fulfilments.carrierAnswer(event.carrierEventId());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String by = currentUsers.require().username();
        Type type = Type.valueOf(event.type());
        if (order.status() == Status.SHIPPED) {
            if (type == Type.DELIVERED) {
                picking.delivered(order, event.occurredAt(), by);
            } else if (type == Type.FAILED_ATTEMPT) {
                failedAttempt(order, event.occurredAt());
            }
        }
        Fulfilment after = fulfilments.find(order.orderId()).orElseThrow();
        String answer = json.writeValueAsString(new Answer(shipmentId, event.carrierEventId(), event.type(),
                event.occurredAt(), after.status().name(), after.failedAttempts()));
        if (!fulfilments.carrierEvent(event, clock.instant(), by, answer)) {
            throw new IllegalStateException("A carrier event id was reported twice at once for two shipments");
        }
        return answer;
    }

    /**
     * The shipment goes out again on the next day its route is driven after the attempt (or
     * after the delivery date it had, if later); the failure is published, and from the second
     * one on an agent calls the citizen.
     */
    private void failedAttempt(Fulfilment order, Instant at) {
        LocalDate attempted = LocalDate.ofInstant(at, TimeConfiguration.DANISH_TIME);
        LocalDate next = routes.nextDay(order.postalCode(),
                attempted.isAfter(order.deliveryDate()) ? attempted : order.deliveryDate());
        fulfilments.failedAttempt(order.orderId(), next);
        events.publishEvent(new DeliveryAttemptFailed(new OrderId(order.orderId()), new CitizenId(order.citizenId()),
                new MunicipalityCode(order.municipalityCode()), Objects.requireNonNull(order.carrier()),
                Objects.requireNonNull(order.trackingNumber()), order.failedAttempts() + 1, next, at));
    }

    private FulfilmentRepository.CarrierEvent valid(UUID shipmentId, Report report) {
        List<FieldError> errors = new ArrayList<>();
        String id = report.carrierEventId() == null ? "" : report.carrierEventId().strip();
        if (id.isEmpty() || id.length() > 100) {
            errors.add(FieldError.of("carrierEventId", "warehouse.error.carrier.eventId"));
        }
        boolean known = Arrays.stream(Type.values()).anyMatch(type -> type.name().equals(report.type()));
        if (!known) {
            errors.add(FieldError.of("type", "warehouse.error.carrier.type"));
        }
        Instant at = null;
        try {
            at = report.occurredAt() == null ? null : OffsetDateTime.parse(report.occurredAt()).toInstant();
        } catch (DateTimeParseException malformed) {
            at = null;
        }
        if (at == null || at.isAfter(clock.instant().plus(Duration.ofHours(1)))) {
            errors.add(FieldError.of("occurredAt", "warehouse.error.carrier.occurredAt"));
        }
        String note = report.note() == null || report.note().isBlank() ? null : report.note().strip();
        if (note != null && note.length() > 500) {
            errors.add(FieldError.of("note", "warehouse.error.carrier.note"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The carrier event is refused", errors);
        }
        return new FulfilmentRepository.CarrierEvent(id, shipmentId, report.type(), at, note);
    }
}
