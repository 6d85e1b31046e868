package dk.fsc.alarms.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import dk.fsc.identity.CurrentUsers;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.PayloadTooLargeException;
import dk.fsc.shared.problem.Problems;
import dk.fsc.shared.web.RequestBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/device-events}: a vendor's batch, from its API key (scope
 * DEVICE_EVENTS_WRITE) and signed with its secret (Standard Webhooks). Refused as a whole
 * only when the batch cannot be trusted or read (401, 400, 413); otherwise answered per event.
 */
@RestController
class DeviceEventController {

    private final DeviceEventIngest ingest;
    private final Vendors vendors;
    private final CurrentUsers users;
    private final JsonMapper json;
    private final Clock clock;

    DeviceEventController(DeviceEventIngest ingest, Vendors vendors, CurrentUsers users, JsonMapper json, Clock clock) {
        this.ingest = ingest;
        this.vendors = vendors;
        this.users = users;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/api/v1/device-events")
    ResponseEntity<?> receive(HttpServletRequest request) throws IOException {
        String caller = users.require().username();
        Vendors.Vendor vendor = vendors.byApiKey(caller.startsWith("api-key:") ? caller.substring(8) : "")
                .orElseThrow(() -> new AccessDeniedException("The API key belongs to no dispenser vendor"));
        if (request.getContentLengthLong() > DeviceEventIngest.MAX_BYTES) {
            throw new PayloadTooLargeException(DeviceEventIngest.MAX_BYTES);
        }
        byte[] body = RequestBodies.readAtMost(request.getInputStream(), DeviceEventIngest.MAX_BYTES);
        String id = request.getHeader(StandardWebhooks.ID);
        String timestamp = request.getHeader(StandardWebhooks.TIMESTAMP);
        String signature = request.getHeader(StandardWebhooks.SIGNATURE);
        if (id == null || timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
            return unauthorized(request, "The batch must be signed: webhook-id, webhook-timestamp (seconds) and webhook-signature.");
        }
        if (!StandardWebhooks.fresh(Long.parseLong(timestamp), clock.instant())) {
            return unauthorized(request, "webhook-timestamp is more than 5 minutes from now: refused as a possible replay.");
        }
        if (!StandardWebhooks.verify(vendor.secrets(), id, Long.parseLong(timestamp), body, signature)) {
            return unauthorized(request, "webhook-signature does not match the body with the vendor's secret.");
        }
        JsonNode events;
        try {
            events = json.readTree(body).get("events");
        } catch (JacksonException e) {
            return Problems.respond(HttpStatus.BAD_REQUEST, Problems.MALFORMED_BODY,
                    "The request body is not well-formed JSON.", request, List.of());
        }
        if (events == null || !events.isArray()) {
            return Problems.respond(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "The batch has no events.", request,
                    List.of(new FieldError("events", "must be an array of events")));
        }
        if (events.size() > DeviceEventIngest.MAX_EVENTS) {
            return Problems.respond(HttpStatus.CONTENT_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE,
                    "A batch holds at most " + DeviceEventIngest.MAX_EVENTS + " events; this one has " + events.size() + ".",
                    request, List.of(new FieldError("events", "at most " + DeviceEventIngest.MAX_EVENTS + " events")));
        }
        return ResponseEntity.ok(ingest.ingest(vendor.code(), events));
    }

    private static ResponseEntity<?> unauthorized(HttpServletRequest request, String detail) {
        return Problems.respond(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, detail, request, List.of());
    }
}
