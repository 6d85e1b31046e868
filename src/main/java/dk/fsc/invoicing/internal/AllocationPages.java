package dk.fsc.invoicing.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.reference.ReferenceData;
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

/**
 * The allocation editor: finance writes a named allocation (amount in kroner, first month, months)
 * and builds its key on the form: a type, the payers with their percentages or chosen for equal
 * parts, and a part shared further by a sub-key (population of a named year, citizens with a grant
 * on a date, or counts given per municipality), up to {@link KeyForm#MAX_DEPTH} levels. Changing
 * the type shows its fields after "Vis felter" (no script needed). Preview shows every payer's share
 * with the figures the key used; save stores it for a second finance user's approval. Each reason
 * stands next to its own field, the key checked by the API's rules ({@link KeyInput}, {@link Allocator}).
 */
@Controller
@PreAuthorize(InvoiceController.FINANCE)
class AllocationPages {

    private final NamedAllocations allocations;
    private final Allocator allocator;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final PayerAccounts accounts;
    private final ReferenceData reference;
    private final Assortment assortment;

    AllocationPages(NamedAllocations allocations, Allocator allocator, CurrentUsers users, MessageSource messages,
            PayerAccounts accounts, ReferenceData reference, Assortment assortment) {
        this.allocations = allocations;
        this.allocator = allocator;
        this.users = users;
        this.messages = messages;
        this.accounts = accounts;
        this.reference = reference;
        this.assortment = assortment;
    }

    /** The form as typed: its fields by name, shown again with their reasons. */
    @GetMapping("/invoicing/allocations")
    String page(Model model) {
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of("months", "1", KeyForm.ROOT + ".type", "percentages"));
        }
        model.addAttribute("allocations", allocations.all());
        List<KeyForm.Row> parts = new ArrayList<>();
        accounts.all().forEach(account -> parts.add(new KeyForm.Row(KeyForm.partField(account.payer()),
                account.name() + " (" + account.payer().code() + ")")));
        parts.add(new KeyForm.Row(KeyForm.PART + KeyForm.SUB,
                messages.getMessage("invoicing.allocations.subPart", null, LocaleContextHolder.getLocale())));
        model.addAttribute("partRows", parts);
        model.addAttribute("countRows", reference.municipalities().stream().map(municipality -> new KeyForm.Row(
                KeyForm.COUNTS + municipality.code(), municipality.name() + " (" + municipality.code() + ")")).toList());
        model.addAttribute("regions", reference.regions());
        model.addAttribute("populationYears", reference.populationYears());
        model.addAttribute("areas", assortment.areas());
        model.addAttribute("keyTypes", KeyForm.TYPES);
        model.addAttribute("composed", KeyForm.COMPOSED);
        model.addAttribute("maxDepth", KeyForm.MAX_DEPTH);
        return "invoicing/allocations";
    }

    /**
     * Shows the fields of the chosen types ({@code action=fields}), previews ({@code action=preview})
     * or saves the allocation; nothing is stored but on a save that passes every check.
     */
    @PostMapping("/invoicing/allocations")
    String write(@RequestParam Map<String, String> typed, Model model, RedirectAttributes redirect) {
        model.addAttribute("typed", typed);
        if ("fields".equals(typed.get("action"))) {
            return page(model);
        }
        KeyForm key = KeyForm.read(typed);
        try {
            NamedAllocations.Draft draft = draft(typed, key);
            if ("preview".equals(typed.get("action"))) {
                model.addAttribute("preview", allocator.allocate(draft.amountOre(), draft.key()));
                return page(model);
            }
            NamedAllocations.WithPreview saved = allocations.create(draft, users.require().username());
            redirect.addFlashAttribute("saved", saved.allocation().name());
            return "redirect:/invoicing/allocations";
        } catch (DomainException refused) {
            model.addAttribute("errors", FormErrors.byField(refused.errors().stream().map(key::onForm)
                    .map(AllocationPages::onForm).toList(), messages));
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

    private static NamedAllocations.Draft draft(Map<String, String> typed, KeyForm key) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Long> amount = Kroner.parse(typed.getOrDefault("amount", ""));
        if (amount.isEmpty()) {
            errors.add(FieldError.of("amount", "invoicing.error.kroner"));
        }
        YearMonth first = null;
        try {
            first = YearMonth.parse(typed.getOrDefault("firstMonth", "").strip());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of("firstMonth", "invoicing.error.monthFormat"));
        }
        String typedMonths = typed.getOrDefault("months", "").strip();
        Integer months = typedMonths.matches("[0-9]{1,3}") ? Integer.valueOf(typedMonths) : null;
        if (months == null) {
            errors.add(FieldError.of("months", "invoicing.error.months"));
        }
        errors.addAll(key.errors());
        if (!errors.isEmpty()) {
            KeyInput.toKey(key.key(), KeyForm.ROOT, errors);
            throw new InvalidInputException("The allocation has invalid fields.", errors);
        }
        return new NamedAllocations.Draft(typed.getOrDefault("name", ""), amount.orElseThrow(), key.key(), first,
                months);
    }

    /** The API's amount in øre is the form's amount in kroner. */
    private static FieldError onForm(FieldError error) {
        return error.field().equals("amountOre") ? new FieldError("amount", error.message(), error.arguments())
                : error;
    }
}
