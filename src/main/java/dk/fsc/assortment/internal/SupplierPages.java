package dk.fsc.assortment.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.web.FormErrors;
import dk.fsc.shared.web.FormValues;
import dk.fsc.shared.web.PageQuery;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Web pages: suppliers, a supplier's page with its contracts and price-list import, and the
 * contracts; for administrators the forms that add and change suppliers and contracts, checked
 * by the same use cases as the API.
 */
@Controller
class SupplierPages {

    static final int DEFAULT_EXPIRY_DAYS = 90;

    private final BrowseSuppliers browse;
    private final BrowseAssortment assortment;
    private final ImportPriceList importPriceList;
    private final SaveSupplier saveSupplier;
    private final SaveContract saveContract;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    SupplierPages(BrowseSuppliers browse, BrowseAssortment assortment, ImportPriceList importPriceList,
            SaveSupplier saveSupplier, SaveContract saveContract, CurrentUsers currentUsers, MessageSource messages) {
        this.browse = browse;
        this.assortment = assortment;
        this.importPriceList = importPriceList;
        this.saveSupplier = saveSupplier;
        this.saveContract = saveContract;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    /** What the supplier form holds, as typed. */
    record SupplierForm(String name, String cvr, String gln, String contactName, String contactEmail,
            String contactPhone) {

        /** A field the form did not send is blank. */
        SupplierForm {
            name = Objects.requireNonNullElse(name, "");
            cvr = Objects.requireNonNullElse(cvr, "");
            gln = Objects.requireNonNullElse(gln, "");
            contactName = Objects.requireNonNullElse(contactName, "");
            contactEmail = Objects.requireNonNullElse(contactEmail, "");
            contactPhone = Objects.requireNonNullElse(contactPhone, "");
        }

        static SupplierForm of(Supplier supplier) {
            return new SupplierForm(supplier.name(), supplier.cvr(), AssortmentForm.orBlank(supplier.gln()),
                    AssortmentForm.orBlank(supplier.contactName()), AssortmentForm.orBlank(supplier.contactEmail()),
                    AssortmentForm.orBlank(supplier.contactPhone()));
        }

        SaveSupplier.Command command() {
            return new SaveSupplier.Command(name, cvr, gln, contactName, contactEmail, contactPhone);
        }
    }

    /** What the contract form holds, as typed. */
    record ContractForm(String tenderReference, String supplierId, List<String> areaCodes, String validFrom,
            String validTo, String discountPercent, String notes) {

        /** A field the form did not send is blank; no area ticked is none. */
        ContractForm {
            tenderReference = Objects.requireNonNullElse(tenderReference, "");
            supplierId = Objects.requireNonNullElse(supplierId, "");
            areaCodes = Objects.requireNonNullElse(areaCodes, List.of());
            validFrom = Objects.requireNonNullElse(validFrom, "");
            validTo = Objects.requireNonNullElse(validTo, "");
            discountPercent = Objects.requireNonNullElse(discountPercent, "");
            notes = Objects.requireNonNullElse(notes, "");
        }

        static ContractForm of(Contract contract) {
            return new ContractForm(contract.tenderReference(), contract.supplierId().toString(),
                    contract.areaCodes(), contract.validFrom().toString(), contract.validTo().toString(),
                    contract.discountPercent().toPlainString().replace('.', ','), contract.notes());
        }

        SaveContract.Command command() {
            Map<String, @Nullable LocalDate> dates = AssortmentForm.dates(Map.of("validFrom", validFrom, "validTo",
                    validTo));
            return new SaveContract.Command(tenderReference, FormValues.uuidOrNull(supplierId), areaCodes,
                    dates.get("validFrom"), dates.get("validTo"), AssortmentForm.percent(discountPercent), notes);
        }
    }

    @GetMapping("/suppliers")
    String suppliers(Model model) {
        model.addAttribute("suppliers", browse.suppliers());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SupplierForm("", "", "", "", "", ""));
        }
        return "assortment/suppliers";
    }

    @PostMapping("/suppliers")
    String addSupplier(@ModelAttribute SupplierForm form, Model model, RedirectAttributes redirect) {
        try {
            Supplier created = saveSupplier.create(form.command());
            return saved("/suppliers/" + created.id(), "suppliers.created", redirect);
        } catch (InvalidInputException | ConflictException e) {
            rejected(e, model);
            model.addAttribute("form", form);
            return suppliers(model);
        }
    }

    @GetMapping("/suppliers/{id}")
    String supplier(@PathVariable String id, Model model) {
        Supplier supplier = browse.supplier(AssortmentInput.pathId(id, SaveSupplier.NOT_FOUND));
        model.addAttribute("supplier", supplier);
        model.addAttribute("productCount", assortment.search(new BrowseAssortment.Query(null, null, supplier.id(),
                null, null), new PageQuery(0, 1)).totalElements());
        if (!currentUsers.require().has(Role.CITIZEN)) {
            model.addAttribute("contracts", browse.contracts(supplier.id()));
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", SupplierForm.of(supplier));
        }
        return "assortment/supplier";
    }

    @PostMapping("/suppliers/{id}")
    String changeSupplier(@PathVariable String id, @ModelAttribute SupplierForm form, Model model,
            RedirectAttributes redirect) {
        UUID supplierId = AssortmentInput.pathId(id, SaveSupplier.NOT_FOUND);
        try {
            saveSupplier.update(supplierId, form.command());
            return saved("/suppliers/" + supplierId, "suppliers.saved", redirect);
        } catch (InvalidInputException | ConflictException e) {
            rejected(e, model);
            model.addAttribute("form", form);
            return supplier(id, model);
        }
    }

    @PostMapping("/suppliers/{id}/price-lists")
    String importPriceList(@PathVariable String id, @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String text, Principal principal, Model model, HtmxRequest htmx) {
        UUID supplierId = AssortmentInput.pathId(id, SaveSupplier.NOT_FOUND);
        try {
            byte[] body = file != null && !file.isEmpty() ? file.getBytes() : text.getBytes(StandardCharsets.UTF_8);
            model.addAttribute("imported", importPriceList.load(supplierId, body, principal.getName()));
        } catch (DomainException e) {
            model.addAttribute("text", text);
            model.addAttribute("formError", true);
            model.addAttribute("linesSummary", FormErrors.linesSummary(e.errors(), messages));
            model.addAttribute("lineErrors", FormErrors.byLine(e.errors(), messages));
            model.addAttribute("errors", FormErrors.byField(e.errors(), messages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (htmx.isHtmxRequest()) {
            model.addAttribute("supplier", browse.supplier(supplierId));
            return "assortment/supplier :: import-form";
        }
        return supplier(id, model);
    }

    @GetMapping("/contracts")
    String contracts(@RequestParam(required = false) @Nullable Integer days, Model model) {
        model.addAttribute("days", days);
        try {
            model.addAttribute("contracts", days == null ? browse.contracts(null) : browse.expiringWithin(days));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.byField(e.errors(), messages));
            model.addAttribute("contracts", List.of());
        }
        if (currentUsers.require().has(Role.FSC_ADMIN)) {
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", new ContractForm("", "", List.of(), "", "", "", ""));
            }
            contractChoices(model);
        }
        return "assortment/contracts";
    }

    @PostMapping("/contracts")
    String addContract(@ModelAttribute ContractForm form, Model model, RedirectAttributes redirect) {
        try {
            Contract created = saveContract.create(form.command());
            return saved("/contracts/" + created.id(), "contracts.created", redirect);
        } catch (InvalidInputException | ConflictException e) {
            rejected(e, model);
            model.addAttribute("form", form);
            return contracts(null, model);
        }
    }

    @GetMapping("/contracts/{id}")
    String contract(@PathVariable String id, Model model) {
        Contract contract = browse.contract(AssortmentInput.pathId(id, SaveContract.NOT_FOUND));
        model.addAttribute("contract", contract);
        model.addAttribute("contracts", List.of(contract));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ContractForm.of(contract));
        }
        contractChoices(model);
        return "assortment/contract";
    }

    @PostMapping("/contracts/{id}")
    String changeContract(@PathVariable String id, @ModelAttribute ContractForm form, Model model,
            RedirectAttributes redirect) {
        UUID contractId = AssortmentInput.pathId(id, SaveContract.NOT_FOUND);
        try {
            saveContract.update(contractId, form.command());
            return saved("/contracts/" + contractId, "contracts.saved", redirect);
        } catch (InvalidInputException | ConflictException e) {
            rejected(e, model);
            model.addAttribute("form", form);
            return contract(id, model);
        }
    }

    private void contractChoices(Model model) {
        model.addAttribute("suppliers", browse.suppliers());
        model.addAttribute("areas", assortment.areas());
    }

    private void rejected(DomainException e, Model model) {
        model.addAttribute("errors", FormErrors.byField(e.errors(), messages));
    }

    /** After a change: to the page of what was saved, saying so once. */
    static String saved(String path, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", message);
        return "redirect:" + path;
    }
}
