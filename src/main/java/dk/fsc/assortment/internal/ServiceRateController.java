package dk.fsc.assortment.internal;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/service-rates")
@Tag(name = "Service rates", description = "What FSC charges for support, service, logistics, leases and the base contribution")
class ServiceRateController {

    private final ServiceRates serviceRates;
    private final Clock clock;

    ServiceRateController(ServiceRates serviceRates, Clock clock) {
        this.serviceRates = serviceRates;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The rates valid on a date (default today), in øre per unit")
    List<ServiceRate> rates(@RequestParam(required = false) @Nullable LocalDate date) {
        return serviceRates.on(date != null ? date : AssortmentInput.today(clock));
    }

    @PostMapping
    @Operation(summary = "Add a rate from a day after today (FSC_ADMIN); rates are never changed")
    ResponseEntity<ServiceRate> add(@RequestBody ServiceRates.Command body, Principal principal) {
        ServiceRate added = serviceRates.add(body, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/service-rates?date=" + added.validFrom())).body(added);
    }
}
