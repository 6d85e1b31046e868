package dk.fsc.grants.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductArea;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.identity.UserNames;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.FormErrors;
import dk.fsc.shared.web.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizen's grants page: what is granted and until when, each grant's limits in words,
 * and for the caseworker of the citizen's municipality the forms to grant, change and end.
 */
@Controller
class GrantPages {

    static final int FORM_LINES = 4;

    private final ReadGrants reads;
    private final GrantDecisions decisions;
    private final Assortment assortment;
    private final DecisionTasks tasks;
    private final UserNames userNames;
    private final MessageSource messages;
    private final Clock clock;

    GrantPages(ReadGrants reads, GrantDecisions decisions, DecisionTasks tasks, Assortment assortment,
            UserNames userNames, MessageSource messages, Clock clock) {
        this.reads = reads;
        this.decisions = decisions;
        this.tasks = tasks;
        this.userNames = userNames;
        this.assortment = assortment;
        this.messages = messages;
        this.clock = clock;
    }

    /** The grant form as typed, so a rejected form comes back with what the caseworker wrote. */
    record Form(String validFrom, String validTo, String note, String street, String postalCode, String city,
            List<FormLine> lines) {
    }

    record FormLine(String target, String quantity, String period) {
    }

    /** A choice in the "what is granted" list: {@code product:<id>}, {@code group:<code>} or {@code area:<code>}. */
    record Target(String value, String label) {
    }

    record TargetGroup(String label, List<Target> targets) {
    }

    @GetMapping("/citizens/{citizenId}/grants")
    String grants(@PathVariable String citizenId, Model model) {
        UUID id = FormValues.pathId(citizenId);
        model.addAttribute("form", new Form(today().toString(), "", "", "", "", "", emptyLines()));
        return page(id, model);
    }

    @PostMapping("/citizens/{citizenId}/grants")
    String make(@PathVariable String citizenId, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect) {
        UUID id = FormValues.pathId(citizenId);
        Form form = form(params);
        try {
            decisions.make(id, command(form));
        } catch (DomainException rejected) {
            if (rejected instanceof NotFoundException) {
                throw rejected;
            }
            model.addAttribute("form", form);
            model.addAttribute("errors", FormErrors.byField(rejected.errors(), messages));
            model.addAttribute("formError", true);
            return page(id, model);
        }
        redirect.addFlashAttribute("notice", "grants.made");
        return "redirect:/citizens/" + id + "/grants";
    }

    /** Ends a grant from the day the caseworker chose: the page suggests none, so that no grant ends today by default. */
    @PostMapping("/grants/{grantId}/end")
    String end(@PathVariable String grantId, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String endsOn, RedirectAttributes redirect) {
        Grant grant = reads.grant(FormValues.pathId(grantId));
        LocalDate day = date(endsOn);
        List<FieldError> errors = new ArrayList<>();
        if (day == null) {
            errors.add(FieldError.of("endsOn", "grants.error.endsOn"));
            if (reason.isBlank()) {
                errors.add(FieldError.of("reason", "grants.error.reason"));
            }
        } else {
            try {
                decisions.end(grant.id(), day, reason);
                redirect.addFlashAttribute("notice", "grants.ended");
            } catch (DomainException refused) {
                if (refused instanceof NotFoundException) {
                    throw refused;
                }
                errors.addAll(refused.errors());
            }
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("endError", grant.id());
            redirect.addFlashAttribute("endErrors", FormErrors.byField(errors, messages));
            redirect.addFlashAttribute("endForm", Map.of("reason", reason, "endsOn", endsOn));
        }
        return "redirect:/citizens/" + grant.citizenId() + "/grants";
    }

    @PostMapping("/grant-tasks/{taskId}/done")
    String taskDone(@PathVariable String taskId, RedirectAttributes redirect) {
        tasks.done(FormValues.pathId(taskId));
        redirect.addFlashAttribute("notice", "grants.taskDone");
        return "redirect:/worklist";
    }

    private String page(UUID citizenId, Model model) {
        ReadGrants.CitizenGrants grants = reads.ofCitizen(citizenId);
        Locale locale = LocaleContextHolder.getLocale();
        LocalDate today = today();
        model.addAttribute("citizen", grants.citizen());
        model.addAttribute("grants", grants.grants());
        model.addAttribute("today", today);
        model.addAttribute("mayDecide", reads.mayDecide(grants.citizen()));
        model.addAttribute("deciders", userNames.displayNames(grants.grants().stream().map(Grant::createdBy).toList()));
        List<TargetGroup> targets = targets(today, locale);
        Map<String, String> names = new HashMap<>();
        targets.forEach(group -> group.targets().forEach(target -> names.put(target.value(), target.label())));
        List<ProductId> named = grants.grants().stream().flatMap(grant -> grant.lines().stream())
                .map(line -> line.target().productId()).filter(productId -> productId != null).toList();
        assortment.products(named).values()
                .forEach(product -> names.putIfAbsent("product:" + product.id(), label(product)));
        model.addAttribute("targets", targets);
        model.addAttribute("names", names);
        return "grants/grants";
    }

    /** What a caseworker can grant: whole areas, product groups and the products active today. */
    private List<TargetGroup> targets(LocalDate today, Locale locale) {
        List<Target> areas = new ArrayList<>();
        List<Target> groups = new ArrayList<>();
        List<TargetGroup> all = new ArrayList<>();
        List<ProductArea> productAreas = assortment.areas();
        for (ProductArea area : productAreas) {
            areas.add(new Target("area:" + area.code(), area.name(locale)));
            area.groups().forEach(group -> groups.add(new Target("group:" + group.code(), group.name(locale))));
        }
        all.add(new TargetGroup(messages.getMessage("grants.targets.areas", null, locale), areas));
        all.add(new TargetGroup(messages.getMessage("grants.targets.groups", null, locale), groups));
        for (ProductArea area : productAreas) {
            List<Target> products = assortment.activeInArea(area.code(), today).stream()
                    .map(product -> new Target("product:" + product.id(), label(product))).toList();
            if (!products.isEmpty()) {
                all.add(new TargetGroup(area.name(locale), products));
            }
        }
        return all;
    }

    private static String label(ProductView product) {
        return product.name() + " (" + product.itemNumber() + ")";
    }

    private static Form form(Map<String, String> params) {
        List<FormLine> lines = new ArrayList<>();
        for (int i = 0; i < FORM_LINES; i++) {
            lines.add(new FormLine(params.getOrDefault("target" + i, ""), params.getOrDefault("quantity" + i, ""),
                    params.getOrDefault("period" + i, "MONTH")));
        }
        return new Form(params.getOrDefault("validFrom", ""), params.getOrDefault("validTo", ""),
                params.getOrDefault("note", ""), params.getOrDefault("street", ""),
                params.getOrDefault("postalCode", ""), params.getOrDefault("city", ""), lines);
    }

    /** The form as the API's command; rows left empty are not lines, and words that are not numbers are no quantity. */
    private static GrantTerms.Command command(Form form) {
        List<GrantTerms.LineCommand> lines = new ArrayList<>();
        for (FormLine line : form.lines()) {
            if (line.target().isBlank() && line.quantity().isBlank()) {
                continue;
            }
            String target = line.target();
            String value = target.contains(":") ? target.substring(target.indexOf(':') + 1) : "";
            lines.add(new GrantTerms.LineCommand(target.startsWith("product:") ? value : null,
                    target.startsWith("area:") ? value : null, target.startsWith("group:") ? value : null,
                    FormValues.wholeNumber(line.quantity()), line.period()));
        }
        return new GrantTerms.Command(date(form.validFrom()), date(form.validTo()),
                new GrantTerms.Address(form.street(), form.postalCode(), form.city()), form.note(), lines);
    }

    private static @Nullable LocalDate date(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static List<FormLine> emptyLines() {
        List<FormLine> lines = new ArrayList<>();
        for (int i = 0; i < FORM_LINES; i++) {
            lines.add(new FormLine("", "", "MONTH"));
        }
        return lines;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
    }
}
