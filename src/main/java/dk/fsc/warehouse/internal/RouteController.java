package dk.fsc.warehouse.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/warehouse")
@PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
@Tag(name = "Delivery routes", description = "Delivery routes (postal codes, weekdays) and a day's pick lists per route")
class RouteController {

    private final DeliveryRoutes routes;
    private final DayPickLists pickLists;

    RouteController(DeliveryRoutes routes, DayPickLists pickLists) {
        this.routes = routes;
        this.pickLists = pickLists;
    }

    @GetMapping("/routes")
    @Operation(summary = "Every delivery route with its weekdays and postal codes, by name")
    List<DeliveryRoutes.Route> routes() {
        return routes.all();
    }

    @GetMapping("/routes/{routeId}")
    @Operation(summary = "A delivery route")
    DeliveryRoutes.Route route(@PathVariable UUID routeId) {
        return routes.find(routeId);
    }

    @PostMapping("/routes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a delivery route: name (1-60 characters, unique), weekdays (MONDAY..SUNDAY, at least"
            + " one), postalCodes (four digits each, 1-2000, none on another route)")
    DeliveryRoutes.Route create(@RequestBody DeliveryRoutes.RouteRequest route) {
        return routes.create(route);
    }

    @PutMapping("/routes/{routeId}")
    @Operation(summary = "Replace a delivery route's name, weekdays and postal codes")
    DeliveryRoutes.Route update(@PathVariable UUID routeId, @RequestBody DeliveryRoutes.RouteRequest route) {
        return routes.update(routeId, route);
    }

    @DeleteMapping("/routes/{routeId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a delivery route; its postal codes are delivered on working days until another"
            + " route takes them")
    void delete(@PathVariable UUID routeId) {
        routes.delete(routeId);
    }

    @GetMapping("/pick-lists")
    @Operation(summary = "A delivery day's pick lists (orders to pick due that day or overdue), one per route, each"
            + " in walking order of the locations")
    DayPickLists.Day pickLists(@RequestParam LocalDate date) {
        return pickLists.of(date);
    }

    @GetMapping(path = "/pick-lists/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The same pick lists as a PDF to print, a page per route")
    ResponseEntity<byte[]> pickListsPdf(@RequestParam LocalDate date) {
        return DayPickLists.pdf(pickLists, date);
    }
}
