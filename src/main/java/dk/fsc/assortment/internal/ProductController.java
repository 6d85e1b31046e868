package dk.fsc.assortment.internal;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
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
@Tag(name = "Assortment", description = "Products, device models, product areas and prices over time")
class ProductController {

    private final BrowseAssortment browse;
    private final SaveProduct saveProduct;
    private final AddPrice addPrice;
    private final AddArea addArea;

    ProductController(BrowseAssortment browse, SaveProduct saveProduct, AddPrice addPrice, AddArea addArea) {
        this.browse = browse;
        this.saveProduct = saveProduct;
        this.addPrice = addPrice;
        this.addArea = addArea;
    }

    @GetMapping("/products")
    @Operation(summary = "Search the assortment: by area, group, supplier, whether active today, and q (part of"
            + " the name, or the start of an item number, supplier's item number, GTIN or ISO 9999 code)")
    Paged<Product> products(@RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String group,
            @RequestParam(required = false) @Nullable UUID supplierId,
            @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Boolean active,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageQuery.DEFAULT_SIZE) int size) {
        return browse.search(new BrowseAssortment.Query(area, group, supplierId, q, active), new PageQuery(page, size));
    }

    @GetMapping("/products/{id}")
    Product product(@PathVariable UUID id) {
        return browse.product(id);
    }

    @PostMapping("/products")
    @Operation(summary = "Add a product or device model (FSC_ADMIN)")
    ResponseEntity<Product> create(@RequestBody SaveProduct.Command body) {
        Product created = saveProduct.create(body);
        return ResponseEntity.created(URI.create("/api/v1/products/" + created.id())).body(created);
    }

    @PutMapping("/products/{id}")
    @Operation(summary = "Change a product (FSC_ADMIN); e.g. end it with activeTo and name its replacement")
    Product update(@PathVariable UUID id, @RequestBody SaveProduct.Command body) {
        return saveProduct.update(id, body);
    }

    @GetMapping("/products/{id}/prices")
    @Operation(summary = "The product's prices in øre, newest first; each applies from validFrom until the next")
    List<Price> prices(@PathVariable UUID id) {
        return browse.prices(id);
    }

    @PostMapping("/products/{id}/prices")
    @Operation(summary = "Add a price from a day after today (FSC_ADMIN); prices are never changed")
    ResponseEntity<Price> addPrice(@PathVariable UUID id, @RequestBody AddPrice.Command body, Principal principal) {
        Price added = addPrice.add(id, body, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/products/" + id + "/prices")).body(added);
    }

    @GetMapping("/product-areas")
    @Operation(summary = "The product areas with their groups")
    List<Area> areas() {
        return browse.areas();
    }

    @PostMapping("/product-areas")
    @Operation(summary = "Add a product area (FSC_ADMIN)")
    ResponseEntity<Area> addArea(@RequestBody AddArea.AreaCommand body) {
        Area added = addArea.addArea(body);
        return ResponseEntity.created(URI.create("/api/v1/product-areas")).body(added);
    }

    @PostMapping("/product-areas/{code}/groups")
    @Operation(summary = "Add a product group to an area (FSC_ADMIN)")
    ResponseEntity<Area.Group> addGroup(@PathVariable String code, @RequestBody AddArea.GroupCommand body) {
        Area.Group added = addArea.addGroup(code, body);
        return ResponseEntity.created(URI.create("/api/v1/product-areas")).body(added);
    }

    @GetMapping("/device-functions")
    @Operation(summary = "The functions a device model can have, which later needs are matched against")
    List<AreaRepository.DeviceFunction> deviceFunctions() {
        return browse.deviceFunctions();
    }
}
