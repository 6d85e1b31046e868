package dk.fsc.invoicing.internal;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import dk.fsc.identity.CurrentUsers;
import dk.fsc.reference.Payer;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
@RequestMapping("/api/v1")
@Tag(name = "Invoicing", description = "Monthly invoice runs, invoices, credit notes, named allocations, payer EAN numbers")
class InvoiceController {

    static final String FINANCE = "hasAnyRole('FINANCE', 'FSC_ADMIN')";
    static final String INVOICE_READERS = "hasAnyRole('FINANCE', 'FSC_ADMIN', 'MUNICIPAL_FINANCE')";

    private final InvoiceRun run;
    private final Invoices invoices;
    private final NamedAllocations allocations;
    private final PayerAccounts accounts;
    private final CurrentUsers users;
    private final InvoiceDocuments documents;

    InvoiceController(InvoiceRun run, Invoices invoices, NamedAllocations allocations, PayerAccounts accounts,
            CurrentUsers users, InvoiceDocuments documents) {
        this.documents = documents;
        this.run = run;
        this.invoices = invoices;
        this.allocations = allocations;
        this.accounts = accounts;
        this.users = users;
    }

    record RunBody(@Nullable YearMonth month) {
    }

    record GlnBody(@Nullable String gln) {
    }

    @GetMapping("/invoice-runs/{month}/preview")
    @PreAuthorize(FINANCE)
    @Operation(summary = "What issuing the month would bill: per payer its lines by kind and period, VAT and total")
    InvoiceRun.Preview preview(@PathVariable YearMonth month) {
        return run.preview(month);
    }

    @PostMapping("/invoice-runs")
    @PreAuthorize(FINANCE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue the month: one invoice per payer, all or nothing; an issued month or a run under way"
            + " answers 409, a payer without EAN number 400 naming it")
    InvoiceRun.Issued issue(@RequestBody RunBody body) {
        if (body.month() == null) {
            throw new InvalidInputException("The month is missing.",
                    List.of(FieldError.of("month", "invoicing.error.required")));
        }
        return run.issue(body.month(), users.require().username());
    }

    @GetMapping("/invoices")
    @PreAuthorize(INVOICE_READERS)
    @Operation(summary = "Invoices and credit notes, newest month first; a municipality's finance staff see their own")
    List<Invoices.Invoice> invoices(@RequestParam(required = false) @Nullable YearMonth month) {
        return invoices.list(month);
    }

    @GetMapping("/invoices/{id}")
    @PreAuthorize(INVOICE_READERS)
    @Operation(summary = "An invoice or credit note with its lines and the credit notes referring to it")
    Invoices.WithLines invoice(@PathVariable UUID id) {
        return invoices.get(id);
    }

    @GetMapping("/invoices/{id}/lines/{lineId}/charges")
    @PreAuthorize(INVOICE_READERS)
    @Operation(summary = "The charges behind a line, each with its cause (order, contact, work order, lease, allocation)")
    List<Charge> charges(@PathVariable UUID id, @PathVariable UUID lineId) {
        return invoices.charges(id, lineId);
    }

    @GetMapping("/invoices/{id}/specification")
    @PreAuthorize(INVOICE_READERS)
    @Operation(summary = "The invoice per citizen (by the platform's citizen id) and kind")
    List<Invoices.Specification> specification(@PathVariable UUID id) {
        return invoices.specification(id);
    }

    @GetMapping("/invoices/{id}/documents/{format}")
    @PreAuthorize(INVOICE_READERS)
    @Operation(summary = "The invoice or credit note as a file: xml (OIOUBL 2.1), peppol (Peppol BIS Billing 3.0),"
            + " pdf, or csv (its lines and the specification per citizen id, semicolon separated)")
    ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable String format) {
        return documents.download(id, format);
    }

    @PostMapping("/invoices/{id}/credit-notes")
    @PreAuthorize(FINANCE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Credit the invoice: the lines given with amounts, or all that is left when none are given")
    Invoices.WithLines credit(@PathVariable UUID id, @RequestBody Invoices.CreditRequest body) {
        return invoices.credit(id, body, users.require().username());
    }

    @GetMapping("/allocations")
    @PreAuthorize(FINANCE)
    @Operation(summary = "Named allocations, every version")
    List<NamedAllocations.NamedAllocation> allocations() {
        return allocations.all();
    }

    @PostMapping("/allocations")
    @PreAuthorize(FINANCE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new version of a named allocation, with its preview; billed once approved by another user")
    NamedAllocations.WithPreview createAllocation(@RequestBody NamedAllocations.Draft draft) {
        return allocations.create(draft, users.require().username());
    }

    @GetMapping("/allocations/{id}")
    @PreAuthorize(FINANCE)
    @Operation(summary = "A named allocation with its preview")
    NamedAllocations.WithPreview allocation(@PathVariable UUID id) {
        return allocations.get(id);
    }

    @PostMapping("/allocations/{id}/approval")
    @PreAuthorize(FINANCE)
    @Operation(summary = "Approve (a second finance user): the shares are charged, once or month by month")
    NamedAllocations.WithPreview approve(@PathVariable UUID id) {
        return allocations.approve(id, users.require().username());
    }

    @GetMapping("/payer-accounts")
    @PreAuthorize(FINANCE)
    @Operation(summary = "Every region and municipality with the EAN number its invoices go to")
    List<PayerAccounts.Account> payerAccounts() {
        return accounts.all();
    }

    @PutMapping("/payer-accounts/{kind}/{code}")
    @PreAuthorize(FINANCE)
    @Operation(summary = "Set a payer's EAN number (13 digits with a GS1 check digit)")
    PayerAccounts.Account setGln(@PathVariable Payer.Kind kind, @PathVariable String code, @RequestBody GlnBody body) {
        if (!code.matches("[0-9]{3,4}")) {
            throw new InvalidInputException("Not a payer code.", List.of(FieldError.of("code", "invoicing.error.payer")));
        }
        return accounts.set(new Payer(kind, code), body.gln());
    }
}
