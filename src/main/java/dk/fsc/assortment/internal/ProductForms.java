package dk.fsc.assortment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.web.FormValues;
import dk.fsc.shared.web.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' form for a product or device model, new or changed, checked by
 * {@link SaveProduct} as the API is. A device model is a product of an area of kind DEVICE,
 * with its functions.
 */
@Controller
@PreAuthorize("hasRole('FSC_ADMIN')")
class ProductForms {

    /** The use case's fields that the form shows under another name. */
    private static final Map<String, String> RENAMED = Map.of("holeCutting.minMm", "holeMin", "holeCutting.maxMm",
            "holeMax", "holeCutting", "holes", "device", "functions", "device.functions", "functions",
            "device.doseSlots", "doseSlots");
    /** A replacement typed by an item number no product has: an id no product has, which the use case refuses. */
    private static final UUID NO_PRODUCT = new UUID(0, 0);

    private final SaveProduct saveProduct;
    private final BrowseAssortment browse;
    private final BrowseSuppliers suppliers;
    private final MessageSource messages;

    ProductForms(SaveProduct saveProduct, BrowseAssortment browse, BrowseSuppliers suppliers,
            MessageSource messages) {
        this.saveProduct = saveProduct;
        this.browse = browse;
        this.suppliers = suppliers;
        this.messages = messages;
    }

    /** What the product form holds, as typed; {@code replacedBy} is the replacement's item number. */
    record ProductForm(String itemNumber, String supplierId, String supplierItemNumber, String gtin, String name,
            String description, String areaCode, String groupCode, String isoCode, String unit, String packSize,
            String activeFrom, String activeTo, String replacedBy, String holeMin, String holeMax,
            @Nullable List<String> functions, String doseSlots) {

        /** A field the form did not send is blank. */
        ProductForm {
            itemNumber = Objects.requireNonNullElse(itemNumber, "");
            supplierId = Objects.requireNonNullElse(supplierId, "");
            supplierItemNumber = Objects.requireNonNullElse(supplierItemNumber, "");
            gtin = Objects.requireNonNullElse(gtin, "");
            name = Objects.requireNonNullElse(name, "");
            description = Objects.requireNonNullElse(description, "");
            areaCode = Objects.requireNonNullElse(areaCode, "");
            groupCode = Objects.requireNonNullElse(groupCode, "");
            isoCode = Objects.requireNonNullElse(isoCode, "");
            unit = Objects.requireNonNullElse(unit, "");
            packSize = Objects.requireNonNullElse(packSize, "");
            activeFrom = Objects.requireNonNullElse(activeFrom, "");
            activeTo = Objects.requireNonNullElse(activeTo, "");
            replacedBy = Objects.requireNonNullElse(replacedBy, "");
            holeMin = Objects.requireNonNullElse(holeMin, "");
            holeMax = Objects.requireNonNullElse(holeMax, "");
            doseSlots = Objects.requireNonNullElse(doseSlots, "");
        }

        public List<String> chosenFunctions() {
            return functions == null ? List.of() : functions;
        }
    }

    @GetMapping("/assortment/products/new")
    String newProduct(Model model) {
        return form(null, new ProductForm("", "", "", "", "", "", "", "", "", "stk", "1", "", "", "", "", "", null,
                ""), model);
    }

    @PostMapping("/assortment/products")
    String create(@ModelAttribute ProductForm form, Model model, RedirectAttributes redirect) {
        try {
            Product created = saveProduct.create(command(form));
            return SupplierPages.saved("/assortment/products/" + created.id(), "product.created", redirect);
        } catch (InvalidInputException | ConflictException e) {
            return rejected(null, form, e, model);
        }
    }

    @GetMapping("/assortment/products/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        Product product = browse.product(AssortmentInput.pathId(id, SaveProduct.NOT_FOUND));
        String replacement = product.replacedBy() == null ? "" : browse.product(product.replacedBy()).itemNumber();
        return form(product, new ProductForm(product.itemNumber(), product.supplierId().toString(),
                product.supplierItemNumber(), AssortmentForm.orBlank(product.gtin()), product.name(),
                product.description(), product.areaCode(), AssortmentForm.orBlank(product.groupCode()),
                AssortmentForm.orBlank(product.isoCode()), product.unit(), String.valueOf(product.packSize()),
                product.activeFrom().toString(), AssortmentForm.orBlank(product.activeTo()), replacement,
                product.holeCutting() == null ? "" : String.valueOf(product.holeCutting().minMm()),
                product.holeCutting() == null ? "" : String.valueOf(product.holeCutting().maxMm()),
                product.device() == null ? List.of() : List.copyOf(product.device().functions()),
                product.device() == null ? "" : AssortmentForm.orBlank(product.device().doseSlots())), model);
    }

    @PostMapping("/assortment/products/{id}")
    String update(@PathVariable String id, @ModelAttribute ProductForm form, Model model,
            RedirectAttributes redirect) {
        UUID productId = AssortmentInput.pathId(id, SaveProduct.NOT_FOUND);
        try {
            saveProduct.update(productId, command(form));
            return SupplierPages.saved("/assortment/products/" + productId, "product.saved", redirect);
        } catch (InvalidInputException | ConflictException e) {
            return rejected(browse.product(productId), form, e, model);
        }
    }

    private SaveProduct.Command command(ProductForm form) {
        Map<String, @Nullable LocalDate> dates = AssortmentForm.dates(Map.of("activeFrom", form.activeFrom(),
                "activeTo", form.activeTo()));
        boolean holes = !form.holeMin().isBlank() || !form.holeMax().isBlank();
        boolean device = !form.chosenFunctions().isEmpty() || !form.doseSlots().isBlank()
                || browse.areas().stream().anyMatch(area -> area.code().equals(form.areaCode())
                        && area.kind() == Area.Kind.DEVICE);
        return new SaveProduct.Command(form.itemNumber(), FormValues.uuidOrNull(form.supplierId()),
                form.supplierItemNumber(), form.gtin(), form.name(), form.description(), form.areaCode(),
                form.groupCode(), form.isoCode(), form.unit(), wholeNumber(form.packSize()), dates.get("activeFrom"),
                dates.get("activeTo"), replacement(form.replacedBy()),
                holes ? new SaveProduct.Holes(wholeNumber(form.holeMin()), wholeNumber(form.holeMax())) : null,
                device ? new SaveProduct.Device(form.chosenFunctions(), wholeNumber(form.doseSlots())) : null);
    }

    private @Nullable UUID replacement(String itemNumber) {
        if (itemNumber.isBlank()) {
            return null;
        }
        return browse.search(new BrowseAssortment.Query(null, null, null, itemNumber.strip(), null),
                new PageQuery(0, PageQuery.DEFAULT_SIZE)).items().stream()
                .filter(product -> product.itemNumber().equalsIgnoreCase(itemNumber.strip())).map(Product::id)
                .findFirst().orElse(NO_PRODUCT);
    }

    private static @Nullable Integer wholeNumber(String typed) {
        Long number = FormValues.wholeNumber(typed);
        return number == null ? null : (int) Math.clamp(number, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private String rejected(@Nullable Product product, ProductForm form, DomainException e, Model model) {
        model.addAttribute("errors", AssortmentForm.errors(e.errors(), RENAMED, messages));
        return form(product, form, model);
    }

    private String form(@Nullable Product product, ProductForm form, Model model) {
        model.addAttribute("product", product);
        model.addAttribute("form", form);
        model.addAttribute("suppliers", suppliers.suppliers());
        model.addAttribute("areas", browse.areas());
        model.addAttribute("functions", browse.deviceFunctions());
        model.addAttribute("action", product == null ? "/assortment/products"
                : "/assortment/products/" + Objects.requireNonNull(product).id());
        return "assortment/product-form";
    }
}
