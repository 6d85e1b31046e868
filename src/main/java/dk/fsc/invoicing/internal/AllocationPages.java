package dk.fsc.invoicing.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.identity.CurrentUsers;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.web.FormErrors;
import dk.fsc.shared.web.Kroner;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The allocation editor: finance writes a named allocation (amount in kroner, first month, months
 * and the key in the API's JSON notation), previews every payer's share with the figures the key
 * used, saves it, and a second finance user approves it. Each reason stands next to its field; a
 * reason inside the key names its place in the key (e.g. {@code key.parts[1].percent}).
 */
@Controller
@PreAuthorize(InvoiceController.FINANCE)
class AllocationPages {

    /** The FSC base contribution split as in E1: 50/50 between the regions, each region's part by population. */
    static final String EXAMPLE_KEY = """
            {"type": "percentages", "parts": [
              {"percent": 50, "payer": {"kind": "REGION", "code": "1082"}},
              {"percent": 50, "key": {"type": "population", "year": 2025, "region": "1082"}}]}""";

    private final NamedAllocations allocations;
    private final Allocator allocator;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final JsonMapper json;

    AllocationPages(NamedAllocations allocations, Allocator allocator, CurrentUsers users, MessageSource messages,
            JsonMapper json) {
        this.allocations = allocations;
        this.allocator = allocator;
        this.users = users;
        this.messages = messages;
        this.json = json;
    }

    /** The form as typed, shown again with its reasons. */
    record Form(String name, String amount, String firstMonth, String months, String key) {
    }

    @GetMapping("/invoicing/allocations")
    String page(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Form("", "", "", "1", EXAMPLE_KEY));
        }
        model.addAttribute("allocations", allocations.all());
        return "invoicing/allocations";
    }

    /** Previews ({@code action=preview}) or saves the allocation; nothing is stored on a preview or a refusal. */
    @PostMapping("/invoicing/allocations")
    String write(@RequestParam Map<String, String> typed, Model model, RedirectAttributes redirect) {
        Form form = new Form(typed.getOrDefault("name", ""), typed.getOrDefault("amount", ""),
                typed.getOrDefault("firstMonth", ""), typed.getOrDefault("months", ""),
                typed.getOrDefault("key", ""));
        model.addAttribute("form", form);
        try {
            NamedAllocations.Draft draft = draft(form);
            if ("preview".equals(typed.get("action"))) {
                model.addAttribute("preview", allocator.allocate(draft.amountOre(), draft.key()));
                return page(model);
            }
            NamedAllocations.WithPreview saved = allocations.create(draft, users.require().username());
            redirect.addFlashAttribute("saved", saved.allocation().name());
            return "redirect:/invoicing/allocations";
        } catch (DomainException refused) {
            model.addAttribute("errors", FormErrors.byField(refused.errors().stream().map(this::onForm)
                    .toList(), messages));
            return page(model);
        }
    }

    @PostMapping("/invoicing/allocations/{id}/approval")
    String approve(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        try {
            NamedAllocations.WithPreview approved = allocations.approve(id, users.require().username());
            redirect.addFlashAttribute("approved", approved.allocation().name());
            return "redirect:/invoicing/allocations";
        } catch (DomainException refused) {
            model.addAttribute("errors", FormErrors.byField(refused.errors().stream()
                    .map(error -> new FieldError("approve-" + id, error.message(), error.arguments())).toList(),
                    messages));
            return page(model);
        }
    }

    private NamedAllocations.Draft draft(Form form) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Long> amount = Kroner.parse(form.amount());
        if (amount.isEmpty()) {
            errors.add(FieldError.of("amount", "invoicing.error.kroner"));
        }
        YearMonth first = null;
        try {
            first = YearMonth.parse(form.firstMonth().strip());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of("firstMonth", "invoicing.error.monthFormat"));
        }
        Integer months = form.months().strip().matches("[0-9]{1,3}") ? Integer.valueOf(form.months().strip()) : null;
        if (months == null) {
            errors.add(FieldError.of("months", "invoicing.error.months"));
        }
        KeyInput key = null;
        try {
            key = json.readValue(form.key(), KeyInput.class);
        } catch (JacksonException e) {
            errors.add(FieldError.of("key", "invoicing.error.keyJson"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The allocation has invalid fields.", errors);
        }
        return new NamedAllocations.Draft(form.name(), amount.orElseThrow(), key, first, months);
    }

    /**
     * A reason of the API's fields on the form's: the amount in øre is the amount field; a place in
     * the key is the key field, the reason naming the place.
     */
    private FieldError onForm(FieldError error) {
        if (error.field().equals("amountOre")) {
            return new FieldError("amount", error.message(), error.arguments());
        }
        if (error.field().startsWith("key.")) {
            String reason = messages.getMessage(error.message(), error.arguments().toArray(), error.message(),
                    LocaleContextHolder.getLocale());
            return FieldError.of("key", "invoicing.error.inKey", error.field(), reason);
        }
        return error;
    }
}
