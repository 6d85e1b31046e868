package dk.fsc.assortment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records a supplier's contract from a tender, or changes one. */
@Service
class SaveContract {

    static final String NOT_FOUND = "No contract with this id.";

    private final SupplierRepository suppliers;
    private final AreaRepository areas;

    SaveContract(SupplierRepository suppliers, AreaRepository areas) {
        this.suppliers = suppliers;
        this.areas = areas;
    }

    /** @param discountPercent the agreed discount in percent, 0 to 100 with at most two decimals */
    record Command(@Nullable String tenderReference, @Nullable UUID supplierId, @Nullable List<String> areaCodes,
            @Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable BigDecimal discountPercent,
            @Nullable String notes) {
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Contract create(Command command) {
        Contract contract = validated(UUID.randomUUID(), command);
        suppliers.insert(contract);
        return suppliers.contract(contract.id()).orElseThrow();
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Contract update(UUID id, Command command) {
        suppliers.contract(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        Contract contract = validated(id, command);
        suppliers.update(contract);
        return suppliers.contract(id).orElseThrow();
    }

    private Contract validated(UUID id, Command command) {
        List<FieldError> errors = new ArrayList<>();
        String tender = AssortmentInput.text("tenderReference", command.tenderReference(), 100, errors);
        UUID supplierId = AssortmentInput.required("supplierId", command.supplierId(), errors);
        if (supplierId != null && suppliers.supplier(supplierId).isEmpty()) {
            errors.add(FieldError.of("supplierId", "assortment.error.unknownSupplier"));
        }
        TreeSet<String> areaCodes = new TreeSet<>();
        if (command.areaCodes() == null || command.areaCodes().isEmpty()) {
            errors.add(FieldError.of("areaCodes", "assortment.error.noArea"));
        } else {
            for (String code : command.areaCodes()) {
                if (code == null || !areas.areaExists(code.strip())) {
                    errors.add(FieldError.of("areaCodes", "assortment.error.unknownAreaCode", String.valueOf(code)));
                } else {
                    areaCodes.add(code.strip());
                }
            }
        }
        LocalDate validFrom = AssortmentInput.required("validFrom", command.validFrom(), errors);
        LocalDate validTo = AssortmentInput.required("validTo", command.validTo(), errors);
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            errors.add(FieldError.of("validTo", "assortment.error.validToBeforeFrom"));
        }
        BigDecimal discount = AssortmentInput.required("discountPercent", command.discountPercent(), errors);
        if (discount != null && (discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0
                || discount.stripTrailingZeros().scale() > 2)) {
            errors.add(FieldError.of("discountPercent", "assortment.error.discount"));
        }
        String notes = command.notes() == null ? "" : command.notes().strip();
        if (notes.length() > 4000) {
            errors.add(FieldError.of("notes", "assortment.error.maxLength", 4000));
        }
        AssortmentInput.check("The contract has invalid fields.", errors);
        Contract contract = new Contract(id, tender, supplierId, "", List.copyOf(areaCodes), validFrom, validTo,
                discount.setScale(2), notes);
        if (suppliers.tenderTaken(contract)) {
            throw new ConflictException("The supplier has a contract from tender " + tender + " already.",
                    List.of(FieldError.of("tenderReference", "assortment.error.tenderTaken")));
        }
        return contract;
    }
}
