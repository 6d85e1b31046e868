package dk.fsc.assortment.internal;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.web.FormErrors;
import dk.fsc.shared.web.FormValues;
import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Web pages: the assortment browser, a product's page with its price history, and the service
 * rates; for administrators the forms that add a price or a rate (in kroner, as Danes type
 * them), checked by {@link AddPrice} and {@link ServiceRates} as the API is.
 */
@Controller
class AssortmentPages {

    private final BrowseAssortment browse;
    private final ServiceRates serviceRates;
    private final AddPrice addPrice;
    private final MessageSource messages;
    private final Clock clock;

    AssortmentPages(BrowseAssortment browse, ServiceRates serviceRates, AddPrice addPrice, MessageSource messages,
            Clock clock) {
        this.browse = browse;
        this.serviceRates = serviceRates;
        this.addPrice = addPrice;
        this.messages = messages;
        this.clock = clock;
    }

    /** What the price form holds, as typed: the first day and the price in kroner. */
    record PriceForm(String validFrom, String price) {
    }

    /** What the rate form holds, as typed: the kind, the device model if any, the first day, the amount in kroner. */
    record RateForm(String kind, String productId, String validFrom, String amount) {
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
            model.addAttribute("errors", FormErrors.byField(e.errors(), messages));
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
        if (!model.containsAttribute("priceForm")) {
            model.addAttribute("priceForm", new PriceForm("", ""));
        }
        return "assortment/product";
    }

    @PostMapping("/assortment/products/{id}/prices")
    String addPrice(@PathVariable String id, @RequestParam(defaultValue = "") String validFrom,
            @RequestParam(defaultValue = "") String price, Principal principal, Model model,
            RedirectAttributes redirect) {
        UUID productId = AssortmentInput.pathId(id, SaveProduct.NOT_FOUND);
        try {
            addPrice.add(productId, new AddPrice.Command(AssortmentForm.dates(Map.of("validFrom", validFrom))
                    .get("validFrom"), AssortmentForm.ore(price)), principal.getName());
            return SupplierPages.saved("/assortment/products/" + productId, "product.priceAdded", redirect);
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", AssortmentForm.errors(e.errors(), Map.of("priceOre", "price"), messages));
            model.addAttribute("priceForm", new PriceForm(validFrom, price));
            return product(id, model);
        }
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
        model.addAttribute("kinds", serviceRates.kinds());
        model.addAttribute("deviceModels", browse.areas().stream().filter(area -> area.kind() == Area.Kind.DEVICE)
                .flatMap(area -> browse.search(new BrowseAssortment.Query(area.code(), null, null, null, null),
                        new PageQuery(0, PageQuery.MAX_SIZE)).items().stream()).toList());
        if (!model.containsAttribute("rateForm")) {
            model.addAttribute("rateForm", new RateForm("", "", "", ""));
        }
        return "assortment/service-rates";
    }

    @PostMapping("/service-rates")
    String addRate(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String productId,
            @RequestParam(defaultValue = "") String validFrom, @RequestParam(defaultValue = "") String amount,
            Principal principal, Model model, RedirectAttributes redirect) {
        try {
            serviceRates.add(new ServiceRates.Command(kind, FormValues.uuidOrNull(productId),
                    AssortmentForm.dates(Map.of("validFrom", validFrom)).get("validFrom"), AssortmentForm.ore(amount)),
                    principal.getName());
            return SupplierPages.saved("/service-rates?date=" + validFrom.strip(), "rates.added", redirect);
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", AssortmentForm.errors(e.errors(), Map.of("amountOre", "amount"), messages));
            model.addAttribute("rateForm", new RateForm(kind, productId, validFrom, amount));
            return serviceRates("", model);
        }
    }
}
