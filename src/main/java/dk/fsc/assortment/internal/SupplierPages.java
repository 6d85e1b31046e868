package dk.fsc.assortment.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.web.PageQuery;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Web pages: suppliers, a supplier's page with its contracts and price-list import, and the contracts. */
@Controller
class SupplierPages {

    static final int DEFAULT_EXPIRY_DAYS = 90;

    private final BrowseSuppliers browse;
    private final BrowseAssortment assortment;
    private final ImportPriceList importPriceList;
    private final CurrentUsers currentUsers;

    SupplierPages(BrowseSuppliers browse, BrowseAssortment assortment, ImportPriceList importPriceList,
            CurrentUsers currentUsers) {
        this.browse = browse;
        this.assortment = assortment;
        this.importPriceList = importPriceList;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/suppliers")
    String suppliers(Model model) {
        model.addAttribute("suppliers", browse.suppliers());
        return "assortment/suppliers";
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
        return "assortment/supplier";
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
            model.addAttribute("formError", e.getMessage());
            model.addAttribute("lineErrors", e.errors());
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
            model.addAttribute("errors", AssortmentInput.byField(e.errors()));
            model.addAttribute("contracts", List.of());
        }
        return "assortment/contracts";
    }
}
