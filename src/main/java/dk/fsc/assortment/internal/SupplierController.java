package dk.fsc.assortment.internal;

import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import dk.fsc.shared.web.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Suppliers and contracts", description = "Suppliers, their contracts and price lists")
class SupplierController {

    private final BrowseSuppliers browse;
    private final SaveSupplier saveSupplier;
    private final SaveContract saveContract;
    private final ImportPriceList importPriceList;

    SupplierController(BrowseSuppliers browse, SaveSupplier saveSupplier, SaveContract saveContract,
            ImportPriceList importPriceList) {
        this.browse = browse;
        this.saveSupplier = saveSupplier;
        this.saveContract = saveContract;
        this.importPriceList = importPriceList;
    }

    @GetMapping("/suppliers")
    List<Supplier> suppliers() {
        return browse.suppliers();
    }

    @GetMapping("/suppliers/{id}")
    Supplier supplier(@PathVariable UUID id) {
        return browse.supplier(id);
    }

    @PostMapping("/suppliers")
    @Operation(summary = "Register a supplier (FSC_ADMIN): CVR number checked by modulus 11, GLN where known")
    ResponseEntity<Supplier> create(@RequestBody SaveSupplier.Command body) {
        Supplier created = saveSupplier.create(body);
        return ResponseEntity.created(URI.create("/api/v1/suppliers/" + created.id())).body(created);
    }

    @PutMapping("/suppliers/{id}")
    Supplier update(@PathVariable UUID id, @RequestBody SaveSupplier.Command body) {
        return saveSupplier.update(id, body);
    }

    @PostMapping(value = "/suppliers/{id}/price-lists", consumes = { "text/csv", "text/plain" })
    @Operation(summary = "Load a supplier's price list (FSC_ADMIN)",
            description = "UTF-8 CSV with the header item_number,price_ore,valid_from (comma or semicolon);"
                    + " the supplier's item numbers, whole øre, dates after today. All lines valid or nothing is"
                    + " saved; the answer to a bad list names every bad line.")
    ImportPriceList.Result loadPriceList(@PathVariable UUID id, InputStream body, Principal principal) {
        return importPriceList.load(id, RequestBodies.readAtMost(body, ImportPriceList.MAX_BYTES),
                principal.getName());
    }

    @GetMapping("/contracts")
    @Operation(summary = "Contracts (not for citizens), soonest ending first; expiringWithinDays: only those in"
            + " force today that end within that many days")
    List<Contract> contracts(@RequestParam(required = false) @Nullable UUID supplierId,
            @RequestParam(required = false) @Nullable Integer expiringWithinDays) {
        if (expiringWithinDays != null) {
            return browse.expiringWithin(expiringWithinDays).stream()
                    .filter(contract -> supplierId == null || contract.supplierId().equals(supplierId)).toList();
        }
        return browse.contracts(supplierId);
    }

    @GetMapping("/contracts/{id}")
    Contract contract(@PathVariable UUID id) {
        return browse.contract(id);
    }

    @PostMapping("/contracts")
    @Operation(summary = "Record a contract (FSC_ADMIN)")
    ResponseEntity<Contract> createContract(@RequestBody SaveContract.Command body) {
        Contract created = saveContract.create(body);
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + created.id())).body(created);
    }

    @PutMapping("/contracts/{id}")
    Contract updateContract(@PathVariable UUID id, @RequestBody SaveContract.Command body) {
        return saveContract.update(id, body);
    }
}
