package dk.fsc.invoicing.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.FormErrors;
import dk.fsc.shared.web.Kroner;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Invoicing's pages: finance's start page with the month's status, its preview and the issue,
 * the month's invoices; an invoice with its lines, downloads and credit note; a line's charges
 * with their causes. A municipality's finance staff see their own invoices only.
 */
@Controller
@PreAuthorize(InvoiceController.INVOICE_READERS)
class InvoicingPages {

    private static final Pattern CREDIT_LINE = Pattern.compile("lines\\[([0-9]+)\\]\\..*");

    private final InvoiceRun run;
    private final Invoices invoices;
    private final InvoiceDocuments documents;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final Clock clock;

    InvoicingPages(InvoiceRun run, Invoices invoices, InvoiceDocuments documents, CurrentUsers users,
            MessageSource messages, Clock clock) {
        this.run = run;
        this.invoices = invoices;
        this.documents = documents;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/invoicing")
    String start(@RequestParam(required = false) @Nullable String month, Model model) {
        YearMonth shown = YearMonth.now(clock.withZone(TimeConfiguration.DANISH_TIME)).minusMonths(1);
        if (month != null && !month.isBlank()) {
            try {
                shown = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("errors", FormErrors.byField(List.of(FieldError.of("month",
                        "invoicing.error.monthFormat")), messages));
            }
        }
        model.addAttribute("month", shown);
        boolean finance = users.require().hasAny(Role.FINANCE, Role.FSC_ADMIN);
        model.addAttribute("finance", finance);
        if (finance && !model.containsAttribute("errors")) {
            try {
                model.addAttribute("preview", run.preview(shown));
            } catch (DomainException refused) {
                model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            }
        }
        model.addAttribute("invoices", invoices.list(finance ? shown : null));
        return "invoicing/start";
    }

    @PostMapping("/invoicing/runs")
    @PreAuthorize(InvoiceController.FINANCE)
    String issue(@RequestParam String month, Model model, RedirectAttributes redirect) {
        try {
            InvoiceRun.Issued issued = run.issue(YearMonth.parse(month.strip()), users.require().username());
            redirect.addFlashAttribute("issued", messages.getMessage("invoicing.issuedMonth", new Object[] {
                    issued.month().toString(), issued.invoices(), issued.charges() }, LocaleContextHolder.getLocale()));
            return "redirect:/invoicing?month=" + issued.month();
        } catch (DateTimeParseException e) {
            return start(month, model);
        } catch (DomainException refused) {
            String page = start(month, model);
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            return page;
        }
    }

    @GetMapping("/invoicing/invoices/{id}")
    String invoice(@PathVariable UUID id, Model model) {
        Invoices.WithLines invoice = invoices.get(id);
        model.addAttribute("document", invoice);
        model.addAttribute("names", invoice.lines().stream().map(documents::lineName).toList());
        model.addAttribute("finance", users.require().hasAny(Role.FINANCE, Role.FSC_ADMIN));
        return "invoicing/invoice";
    }

    /**
     * A credit note from the invoice page: the amounts typed in kroner against lines ({@code credit-<position>}),
     * or, with {@code all}, what is left of every line. Reasons stand next to the line they concern.
     */
    @PostMapping("/invoicing/invoices/{id}/credit-notes")
    @PreAuthorize(InvoiceController.FINANCE)
    String credit(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        List<Invoices.Line> lines = invoices.get(id).lines();
        List<Invoices.CreditLine> credited = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        if (!form.containsKey("all")) {
            for (Invoices.Line line : lines) {
                String field = "credit-" + line.position();
                String typed = form.getOrDefault(field, "");
                if (!typed.isBlank()) {
                    Optional<Long> ore = Kroner.parse(typed);
                    if (ore.isEmpty()) {
                        errors.add(FieldError.of(field, "invoicing.error.kroner"));
                    }
                    credited.add(new Invoices.CreditLine(line.id(), ore.orElse(null)));
                    fields.add(field);
                }
            }
            if (credited.isEmpty()) {
                errors.add(FieldError.of("lines", "invoicing.error.creditNothing"));
            }
        }
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInputException("The credit note cannot be made as asked.", errors);
            }
            Invoices.WithLines note = invoices.credit(id, new Invoices.CreditRequest(credited),
                    users.require().username());
            return "redirect:/invoicing/invoices/" + note.invoice().id();
        } catch (DomainException refused) {
            model.addAttribute("errors", FormErrors.byField(refused.errors().stream().map(error -> onForm(error, fields))
                    .toList(), messages));
            model.addAttribute("typed", form);
            return invoice(id, model);
        }
    }

    /** An error of the credit request ({@code lines[2].amountOre}) named by the form's field of that line. */
    private static FieldError onForm(FieldError error, List<String> fields) {
        Matcher line = CREDIT_LINE.matcher(error.field());
        return line.matches()
                ? new FieldError(fields.get(Integer.parseInt(line.group(1))), error.message(), error.arguments())
                : error;
    }

    @GetMapping("/invoicing/invoices/{id}/lines/{lineId}")
    String charges(@PathVariable UUID id, @PathVariable UUID lineId, Model model) {
        Invoices.WithLines invoice = invoices.get(id);
        Invoices.Line line = invoice.lines().stream().filter(candidate -> candidate.id().equals(lineId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No line " + lineId));
        model.addAttribute("document", invoice);
        model.addAttribute("line", line);
        model.addAttribute("name", documents.lineName(line));
        List<Charge> charges = invoices.charges(id, lineId);
        model.addAttribute("charges", charges);
        model.addAttribute("bases", charges.stream().map(charge -> basis(charge.priceBasis())).toList());
        model.addAttribute("max", Invoices.MAX_CHARGES_SHOWN);
        return "invoicing/charges";
    }

    /** A charge's price basis in the reader's words: the price, a rate by its kind, or an allocation. */
    private String basis(String priceBasis) {
        Locale locale = LocaleContextHolder.getLocale();
        if (priceBasis.startsWith("rate ")) {
            String kind = priceBasis.substring("rate ".length());
            return messages.getMessage("invoicing.basis.rate", new Object[] {
                    messages.getMessage("rates.kind." + kind, null, kind, locale) }, locale);
        }
        return messages.getMessage("invoicing.basis." + priceBasis, null, priceBasis, locale);
    }

    @GetMapping("/invoicing/invoices/{id}/faktura.{extension}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable String extension) {
        return documents.download(id, extension);
    }

    @GetMapping("/invoicing/invoices/{id}/peppol.xml")
    ResponseEntity<byte[]> downloadPeppol(@PathVariable UUID id) {
        return documents.download(id, "peppol");
    }
}
