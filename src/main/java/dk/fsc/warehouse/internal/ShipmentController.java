package dk.fsc.warehouse.internal;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The carrier's side: its machine client reports what happened to a shipment, with its API key. */
@RestController
@Tag(name = "Shipments", description = "The carrier reports pick-up, delivery, failed attempts and returns")
class ShipmentController {

    private final CarrierEvents carrierEvents;

    ShipmentController(CarrierEvents carrierEvents) {
        this.carrierEvents = carrierEvents;
    }

    @PostMapping("/api/v1/shipments/{shipmentId}/events")
    @PreAuthorize("hasAuthority('SCOPE_CARRIER_EVENTS')")
    @Operation(summary = "Report a carrier event: carrierEventId, type (PICKED_UP, OUT_FOR_DELIVERY, DELIVERED,"
            + " FAILED_ATTEMPT, RETURNED), occurredAt (ISO 8601 with offset), note. A repeated carrierEventId is"
            + " answered as the first time and changes nothing; events may arrive out of order")
    ResponseEntity<String> report(@PathVariable UUID shipmentId, @RequestBody CarrierEvents.Report report) {
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
                .body(carrierEvents.report(shipmentId, report));
    }
}
