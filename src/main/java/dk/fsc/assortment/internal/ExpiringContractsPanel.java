package dk.fsc.assortment.internal;

import java.util.Map;
import java.util.Optional;

import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.web.StartPagePanel;
import org.springframework.stereotype.Component;

/** The administrator's start page lists the contracts that end within three months, to tender in time. */
@Component
class ExpiringContractsPanel implements StartPagePanel {

    private final BrowseSuppliers suppliers;
    private final CurrentUsers currentUsers;

    ExpiringContractsPanel(BrowseSuppliers suppliers, CurrentUsers currentUsers) {
        this.suppliers = suppliers;
        this.currentUsers = currentUsers;
    }

    @Override
    public String template() {
        return "assortment/panels";
    }

    @Override
    public String fragment() {
        return "expiring-contracts";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Optional<Map<String, Object>> model() {
        return currentUsers.current().filter(user -> user.has(Role.FSC_ADMIN))
                .map(user -> Map.of("days", SupplierPages.DEFAULT_EXPIRY_DAYS,
                        "contracts", suppliers.expiringWithin(SupplierPages.DEFAULT_EXPIRY_DAYS)));
    }
}
