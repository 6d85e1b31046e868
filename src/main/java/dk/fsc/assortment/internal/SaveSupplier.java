package dk.fsc.assortment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.fsc.shared.Cvr;
import dk.fsc.shared.EmailAddress;
import dk.fsc.shared.Gtin;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers a supplier or changes one: a CVR number that passes modulus 11, a GLN where known. */
@Service
class SaveSupplier {

    static final String NOT_FOUND = "No supplier with this id.";
    private static final Pattern PHONE = Pattern.compile("(?:\\+45|0045)?([0-9]{8})");

    private final SupplierRepository suppliers;

    SaveSupplier(SupplierRepository suppliers) {
        this.suppliers = suppliers;
    }

    /** @param gln the supplier's GS1 Global Location Number: 13 digits with a GS1 check digit */
    record Command(@Nullable String name, @Nullable String cvr, @Nullable String gln, @Nullable String contactName,
            @Nullable String contactEmail, @Nullable String contactPhone) {
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Supplier create(Command command) {
        Supplier supplier = validated(UUID.randomUUID(), command);
        suppliers.insert(supplier);
        return supplier;
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Supplier update(UUID id, Command command) {
        suppliers.supplier(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        Supplier supplier = validated(id, command);
        suppliers.update(supplier);
        return supplier;
    }

    private Supplier validated(UUID id, Command command) {
        List<FieldError> errors = new ArrayList<>();
        String name = AssortmentInput.text("name", command.name(), 200, errors);
        String cvr = null;
        try {
            cvr = Cvr.parse("cvr", command.cvr() == null ? "" : command.cvr()).digits();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        String gln = command.gln() == null || command.gln().isBlank() ? null : command.gln().strip();
        if (gln != null && !(gln.length() == 13 && Gtin.isValid(gln))) {
            errors.add(FieldError.of("gln", "assortment.error.gln"));
        }
        String contactName = AssortmentInput.optionalText("contactName", command.contactName(), 200, errors);
        String email = AssortmentInput.optionalText("contactEmail", command.contactEmail(), 254, errors);
        if (email != null && !EmailAddress.isValid(email)) {
            errors.add(FieldError.of("contactEmail", "assortment.error.email"));
        }
        String phone = null;
        if (command.contactPhone() != null && !command.contactPhone().isBlank()) {
            var matcher = PHONE.matcher(command.contactPhone().replace(" ", ""));
            if (matcher.matches()) {
                phone = matcher.group(1);
            } else {
                errors.add(FieldError.of("contactPhone", "assortment.error.phone"));
            }
        }
        AssortmentInput.check("The supplier has invalid fields.", errors);
        Supplier supplier = new Supplier(id, name, cvr, gln, contactName, email, phone);
        List<String> taken = suppliers.taken(supplier);
        if (!taken.isEmpty()) {
            throw new ConflictException("Another supplier has the same " + String.join(", ", taken) + ".",
                    taken.stream().map(field -> FieldError.of(field, "assortment.error.supplierTaken")).toList());
        }
        return supplier;
    }
}
