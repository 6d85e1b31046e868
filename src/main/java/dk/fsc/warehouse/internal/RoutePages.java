package dk.fsc.warehouse.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.web.FormErrors;
import dk.fsc.shared.web.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The route editor (postal codes and weekdays of each delivery route) and a delivery day's pick
 * lists per route, on screen and as a PDF to print.
 */
@Controller
@PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
class RoutePages {

    private final DeliveryRoutes routes;
    private final DayPickLists pickLists;
    private final StockKeeping stockKeeping;
    private final MessageSource messages;

    RoutePages(DeliveryRoutes routes, DayPickLists pickLists, StockKeeping stockKeeping,
            MessageSource messages) {
        this.routes = routes;
        this.pickLists = pickLists;
        this.stockKeeping = stockKeeping;
        this.messages = messages;
    }

    /** The routes, and the form: a new route, or the route {@code edit} names. */
    @GetMapping("/warehouse/routes")
    String routes(@RequestParam(required = false) @Nullable String edit, Model model) {
        List<DeliveryRoutes.Route> all = routes.all();
        model.addAttribute("routes", all);
        model.addAttribute("weekdays", DayOfWeek.values());
        UUID editing = edit == null ? null : FormValues.uuidOrNull(edit);
        all.stream().filter(route -> route.id().equals(editing)).findFirst().ifPresent(route -> {
            model.addAttribute("editing", route.id());
            if (!model.containsAttribute("typed")) {
                model.addAttribute("typed", Map.of("name", route.name(), "postalCodes",
                        String.join(" ", route.postalCodes())));
                model.addAttribute("typedDays", route.weekdays().stream().map(DayOfWeek::name).toList());
            }
        });
        return "warehouse/routes";
    }

    @PostMapping("/warehouse/routes")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        return saved(null, params, model, redirect);
    }

    @PostMapping("/warehouse/routes/{routeId}")
    String update(@PathVariable String routeId, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        return saved(FormValues.pathId(routeId), params, model, redirect);
    }

    @PostMapping("/warehouse/routes/{routeId}/delete")
    String delete(@PathVariable String routeId, RedirectAttributes redirect) {
        routes.delete(FormValues.pathId(routeId));
        redirect.addFlashAttribute("notice", "warehouse.route.deleted");
        return "redirect:/warehouse/routes";
    }

    @GetMapping("/warehouse/pick-lists")
    String pickLists(@RequestParam(required = false) @Nullable String date, Model model) {
        LocalDate day = day(date, model);
        model.addAttribute("day", pickLists.of(day));
        return "warehouse/pick-lists";
    }

    @GetMapping("/warehouse/pick-lists/pdf")
    ResponseEntity<byte[]> pickListsPdf(@RequestParam(required = false) @Nullable String date, Model model) {
        LocalDate day = day(date, model);
        return DayPickLists.pdf(pickLists, day);
    }

    /** The day asked for, or today with the reason next to the date field when it is not a date. */
    private LocalDate day(@Nullable String date, Model model) {
        if (date == null || date.isBlank()) {
            return stockKeeping.today();
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException malformed) {
            model.addAttribute("errors", FormErrors.byField(List.of(FieldError.of("date",
                    "warehouse.error.pickLists.date")), messages));
            return stockKeeping.today();
        }
    }

    private String saved(@Nullable UUID id, MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        DeliveryRoutes.RouteRequest request = new DeliveryRoutes.RouteRequest(params.getFirst("name"),
                params.getOrDefault("weekdays", List.of()),
                Arrays.asList(params.getOrDefault("postalCodes", List.of("")).getFirst().split("[\\s,;]+", -1))
                        .stream().filter(code -> !code.isBlank()).toList());
        try {
            DeliveryRoutes.Route route = id == null ? routes.create(request) : routes.update(id, request);
            redirect.addFlashAttribute("notice", "warehouse.route.saved");
            redirect.addFlashAttribute("savedName", route.name());
            return "redirect:/warehouse/routes";
        } catch (DomainException refused) {
            if (refused.errors().isEmpty()) {
                throw refused;
            }
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", params.toSingleValueMap());
            model.addAttribute("typedDays", params.getOrDefault("weekdays", List.of()));
            return routes(id == null ? null : id.toString(), model);
        }
    }
}
