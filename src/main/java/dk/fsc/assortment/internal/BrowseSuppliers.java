package dk.fsc.assortment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suppliers and their contracts. Suppliers are open to any signed-in user; contracts, with
 * their agreed discounts, to everyone who works with the assortment, not to citizens.
 */
@Service
@Transactional(readOnly = true)
class BrowseSuppliers {

    static final String STAFF = "isAuthenticated() and !hasRole('CITIZEN')";
    static final int MAX_DAYS = 3650;

    private final SupplierRepository suppliers;
    private final Clock clock;

    BrowseSuppliers(SupplierRepository suppliers, Clock clock) {
        this.suppliers = suppliers;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    public List<Supplier> suppliers() {
        return suppliers.suppliers();
    }

    @PreAuthorize("isAuthenticated()")
    public Supplier supplier(UUID id) {
        return suppliers.supplier(id).orElseThrow(() -> new NotFoundException(SaveSupplier.NOT_FOUND));
    }

    /** @param supplierId only this supplier's; null for all */
    @PreAuthorize(STAFF)
    public List<Contract> contracts(@Nullable UUID supplierId) {
        return suppliers.contracts(supplierId);
    }

    @PreAuthorize(STAFF)
    public Contract contract(UUID id) {
        return suppliers.contract(id).orElseThrow(() -> new NotFoundException(SaveContract.NOT_FOUND));
    }

    /** The contracts still in force today that end within {@code days} days, soonest first. */
    @PreAuthorize(STAFF)
    public List<Contract> expiringWithin(int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw new InvalidInputException("The number of days is out of range.",
                    List.of(FieldError.of("expiringWithinDays", "assortment.error.days", MAX_DAYS)));
        }
        LocalDate today = AssortmentInput.today(clock);
        return suppliers.expiring(today, today.plusDays(days));
    }
}
