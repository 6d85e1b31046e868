package dk.fsc.assortment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.fsc.assortment.HoleRange;
import dk.fsc.assortment.ProductView;
import dk.fsc.shared.Gtin;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds a product or device model to the assortment, or changes one. The whole product is
 * checked and every fault named; a product that leaves the assortment may name the product
 * offered in its place, of the same area, without closing a circle of replacements.
 */
@Service
class SaveProduct {

    static final String NOT_FOUND = "No product with this id.";
    private static final Pattern ITEM_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,39}");
    private static final int MAX_HOLE_MM = 150;

    private final ProductRepository products;
    private final SupplierRepository suppliers;
    private final AreaRepository areas;

    SaveProduct(ProductRepository products, SupplierRepository suppliers, AreaRepository areas) {
        this.products = products;
        this.suppliers = suppliers;
        this.areas = areas;
    }

    /** The hole diameters in millimetres that may be cut, for a product of a group with hole cutting. */
    record Holes(@Nullable Integer minMm, @Nullable Integer maxMm) {
    }

    /** What a device model can do: codes of the device functions, and how many doses it holds. */
    record Device(@Nullable List<String> functions, @Nullable Integer doseSlots) {
    }

    record Command(@Nullable String itemNumber, @Nullable UUID supplierId, @Nullable String supplierItemNumber,
            @Nullable String gtin, @Nullable String name, @Nullable String description, @Nullable String areaCode,
            @Nullable String groupCode, @Nullable String isoCode, @Nullable String unit, @Nullable Integer packSize,
            @Nullable LocalDate activeFrom, @Nullable LocalDate activeTo, @Nullable UUID replacedBy,
            @Nullable Holes holeCutting, @Nullable Device device) {
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Product create(Command command) {
        Product product = validated(UUID.randomUUID(), command);
        products.insert(product);
        return products.find(product.id()).orElseThrow();
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Product update(UUID id, Command command) {
        products.find(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        Product product = validated(id, command);
        products.update(product);
        return products.find(id).orElseThrow();
    }

    private Product validated(UUID id, Command command) {
        List<FieldError> errors = new ArrayList<>();
        String itemNumber = command.itemNumber() == null ? "" : command.itemNumber().strip();
        if (!ITEM_NUMBER.matcher(itemNumber).matches()) {
            errors.add(FieldError.of("itemNumber", "assortment.error.itemNumber"));
        }
        UUID supplierId = AssortmentInput.required("supplierId", command.supplierId(), errors);
        if (supplierId != null && suppliers.supplier(supplierId).isEmpty()) {
            errors.add(FieldError.of("supplierId", "assortment.error.unknownSupplier"));
        }
        String supplierItemNumber = AssortmentInput.text("supplierItemNumber", command.supplierItemNumber(), 40,
                errors);
        String gtin = gtin(command.gtin(), errors);
        String name = AssortmentInput.text("name", command.name(), 200, errors);
        String description = command.description() == null ? "" : command.description().strip();
        if (description.length() > 2000) {
            errors.add(FieldError.of("description", "assortment.error.maxLength", 2000));
        }
        Optional<Area> area = area(command.areaCode(), errors);
        Optional<Area.Group> group = group(command.groupCode(), area, errors);
        String isoCode = AssortmentInput.isoCode(command.isoCode(), errors);
        String unit = AssortmentInput.text("unit", command.unit(), 20, errors);
        Integer packSize = AssortmentInput.required("packSize", command.packSize(), errors);
        if (packSize != null && (packSize < 1 || packSize > 100_000)) {
            errors.add(FieldError.of("packSize", "assortment.error.between", 1, 100_000));
        }
        LocalDate activeFrom = AssortmentInput.required("activeFrom", command.activeFrom(), errors);
        if (activeFrom != null && command.activeTo() != null && command.activeTo().isBefore(activeFrom)) {
            errors.add(FieldError.of("activeTo", "assortment.error.activeToBeforeFrom"));
        }
        replacement(id, command, area, errors);
        HoleRange holes = holes(command.holeCutting(), group, errors);
        ProductView.DeviceModel device = device(command.device(), area, errors);
        AssortmentInput.check("The product has invalid fields.", errors);
        Product product = new Product(id, itemNumber, supplierId, "", supplierItemNumber, gtin, name, description,
                area.orElseThrow().code(), group.map(Area.Group::code).orElse(null), isoCode, unit, packSize,
                activeFrom, command.activeTo(), command.replacedBy(), holes, device);
        List<String> taken = products.taken(product);
        if (!taken.isEmpty()) {
            throw new ConflictException("Another product has the same " + String.join(", ", taken) + ".",
                    taken.stream().map(field -> FieldError.of(field, "assortment.error.productTaken")).toList());
        }
        return product;
    }

    private static @Nullable String gtin(@Nullable String input, List<FieldError> errors) {
        if (input == null || input.isBlank()) {
            return null;
        }
        try {
            return Gtin.parse("gtin", input).digits();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private Optional<Area> area(@Nullable String input, List<FieldError> errors) {
        if (input == null || input.isBlank()) {
            errors.add(FieldError.of("areaCode", "assortment.error.required"));
            return Optional.empty();
        }
        Optional<Area> area = areas.area(input.strip());
        if (area.isEmpty()) {
            errors.add(FieldError.of("areaCode", "assortment.error.unknownAreaOf",
                    String.join(", ", areas.areas().stream().map(Area::code).toList())));
        }
        return area;
    }

    private Optional<Area.Group> group(@Nullable String input, Optional<Area> area, List<FieldError> errors) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        Optional<Area.Group> group = areas.group(input.strip());
        if (group.isEmpty()) {
            errors.add(FieldError.of("groupCode", "assortment.error.unknownGroup"));
        } else if (area.isPresent() && !group.get().areaCode().equals(area.get().code())) {
            errors.add(FieldError.of("groupCode", "assortment.error.groupOfOtherArea", group.get().areaCode(),
                    area.get().code()));
        }
        return group;
    }

    private void replacement(UUID id, Command command, Optional<Area> area, List<FieldError> errors) {
        if (command.replacedBy() == null) {
            return;
        }
        if (command.activeTo() == null) {
            errors.add(FieldError.of("activeTo", "assortment.error.activeToForReplacement"));
        }
        if (command.replacedBy().equals(id)) {
            errors.add(FieldError.of("replacedBy", "assortment.error.replacementItself"));
            return;
        }
        Optional<Product> replacement = products.find(command.replacedBy());
        if (replacement.isEmpty()) {
            errors.add(FieldError.of("replacedBy", "assortment.error.unknownProduct"));
            return;
        }
        if (area.isPresent() && !replacement.get().areaCode().equals(area.get().code())) {
            errors.add(FieldError.of("replacedBy", "assortment.error.replacementOfOtherArea",
                    replacement.get().areaCode(), area.get().code()));
        }
        Set<UUID> chain = new HashSet<>();
        for (Optional<Product> next = replacement; next.isPresent() && chain.add(next.get().id());
                next = next.get().replacedBy() == null ? Optional.empty() : products.find(next.get().replacedBy())) {
            if (next.get().id().equals(id)) {
                errors.add(FieldError.of("replacedBy", "assortment.error.replacementCircle"));
                return;
            }
        }
    }

    private static @Nullable HoleRange holes(@Nullable Holes input, Optional<Area.Group> group,
            List<FieldError> errors) {
        if (input == null) {
            return null;
        }
        if (group.isPresent() && !group.get().holeCutting()) {
            errors.add(FieldError.of("holeCutting", "assortment.error.holesNotCutGroup"));
        } else if (group.isEmpty()) {
            errors.add(FieldError.of("holeCutting", "assortment.error.holesNeedGroup"));
        }
        Integer min = AssortmentInput.required("holeCutting.minMm", input.minMm(), errors);
        Integer max = AssortmentInput.required("holeCutting.maxMm", input.maxMm(), errors);
        if (min == null || max == null) {
            return null;
        }
        if (min < 1 || max > MAX_HOLE_MM) {
            errors.add(FieldError.of("holeCutting", "assortment.error.holesRange", MAX_HOLE_MM));
            return null;
        }
        if (min > max) {
            errors.add(FieldError.of("holeCutting.minMm", "assortment.error.holesMinAboveMax", min, max));
            return null;
        }
        return new HoleRange(min, max);
    }

    private ProductView.@Nullable DeviceModel device(@Nullable Device input, Optional<Area> area,
            List<FieldError> errors) {
        boolean deviceArea = area.isPresent() && area.get().kind() == Area.Kind.DEVICE;
        if (input == null) {
            if (deviceArea) {
                errors.add(FieldError.of("device", "assortment.error.deviceRequired", area.get().code()));
            }
            return null;
        }
        if (area.isPresent() && !deviceArea) {
            errors.add(FieldError.of("device", "assortment.error.deviceOnly"));
        }
        Set<String> known = new HashSet<>();
        areas.deviceFunctions().forEach(function -> known.add(function.code()));
        Set<String> functions = new TreeSet<>();
        for (String function : input.functions() == null ? List.<String>of() : input.functions()) {
            if (function == null || !known.contains(function.strip())) {
                errors.add(FieldError.of("device.functions", "assortment.error.unknownFunction",
                        String.valueOf(function), String.join(", ", new TreeSet<>(known))));
            } else {
                functions.add(function.strip());
            }
        }
        if (input.doseSlots() != null && (input.doseSlots() < 1 || input.doseSlots() > 1000)) {
            errors.add(FieldError.of("device.doseSlots", "assortment.error.between", 1, 1000));
        }
        return new ProductView.DeviceModel(functions, input.doseSlots());
    }
}
