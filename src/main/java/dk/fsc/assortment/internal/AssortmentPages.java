package dk.fsc.assortment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Web pages: the assortment browser, a product's page with its price history, and the service rates. */
@Controller
class AssortmentPages {

    private final BrowseAssortment browse;
    private final ServiceRates serviceRates;
    private final Clock clock;

    AssortmentPages(BrowseAssortment browse, ServiceRates serviceRates, Clock clock) {
        this.browse = browse;
        this.serviceRates = serviceRates;
        this.clock = clock;
    }

    /**
     * The assortment, searchable and filtered; an htmx request gets the results only.
     *
     * @param active {@code true} (the default), {@code false}, or empty for every product
     */
    @GetMapping("/assortment")
    String products(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String area,
            @RequestParam(required = false) @Nullable UUID supplierId,
            @RequestParam(defaultValue = "true") String active, @RequestParam(defaultValue = "0") int page,
            Model model, HtmxRequest htmx) {
        Boolean activeFilter = active.isBlank() ? null : Boolean.valueOf(active);
        PageQuery pageQuery = new PageQuery(Math.max(page, 0), PageQuery.DEFAULT_SIZE);
        Paged<Product> found;
        try {
            found = browse.search(new BrowseAssortment.Query(area, null, supplierId, q, activeFilter), pageQuery);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", AssortmentInput.byField(e.errors()));
            found = Paged.of(List.of(), pageQuery, 0);
        }
        model.addAttribute("found", found);
        model.addAttribute("prices", browse.pricesToday(found.items()));
        model.addAttribute("areas", browse.areas());
        model.addAttribute("q", q);
        model.addAttribute("area", area);
        model.addAttribute("active", active);
        model.addAttribute("supplierId", supplierId);
        model.addAttribute("today", AssortmentInput.today(clock));
        return htmx.isHtmxRequest() ? "assortment/products :: results" : "assortment/products";
    }

    @GetMapping("/assortment/products/{id}")
    String product(@PathVariable String id, Model model) {
        BrowseAssortment.Details details = browse.details(AssortmentInput.pathId(id, SaveProduct.NOT_FOUND));
        model.addAttribute("details", details);
        model.addAttribute("product", details.product());
        model.addAttribute("today", AssortmentInput.today(clock));
        Area area = browse.areas().stream().filter(candidate -> candidate.code().equals(details.product().areaCode()))
                .findFirst().orElseThrow();
        model.addAttribute("area", area);
        model.addAttribute("group", area.groups().stream()
                .filter(group -> group.code().equals(details.product().groupCode())).findFirst().orElse(null));
        model.addAttribute("functions", browse.deviceFunctions());
        return "assortment/product";
    }

    @GetMapping("/service-rates")
    String serviceRates(@RequestParam(defaultValue = "") String date, Model model) {
        LocalDate on = AssortmentInput.today(clock);
        if (!date.isBlank()) {
            try {
                on = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("dateError", true);
            }
        }
        model.addAttribute("date", on);
        model.addAttribute("rates", serviceRates.on(on));
        return "assortment/service-rates";
    }
}
