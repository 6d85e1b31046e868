package dk.fsc.devices.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.assortment.ProductView;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.web.CitizenPanel;
import org.springframework.stereotype.Component;

/**
 * The devices' panel on the service center's whole-citizen view: the citizen's installed devices,
 * pauses (those not over), the level chosen in the newest needs assessment and the open work orders with their
 * target flags. The device and work-order pages are linked only for those who may open them
 * (warehouse, admin) and never in a read-only view.
 */
@Component
class DevicesCitizenPanel implements CitizenPanel {

    /** An installed device as the panel shows it. */
    record Installed(String serial, String model, java.time.LocalDate since) {
    }

    private final DeviceRegister devices;
    private final Pauses pauses;
    private final Assessments assessments;
    private final WorkOrders workOrders;
    private final WorkOrderList list;
    private final WorkChains chains;
    private final CurrentUsers currentUsers;

    DevicesCitizenPanel(DeviceRegister devices, Pauses pauses, Assessments assessments, WorkOrders workOrders,
            WorkOrderList list, WorkChains chains, CurrentUsers currentUsers) {
        this.devices = devices;
        this.pauses = pauses;
        this.assessments = assessments;
        this.workOrders = workOrders;
        this.list = list;
        this.chains = chains;
        this.currentUsers = currentUsers;
    }

    @Override
    public String template() {
        return "devices/citizen-panel";
    }

    @Override
    public String fragment() {
        return "devices";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Map<String, Object>> model(UUID citizenId, boolean readOnly) {
        var user = currentUsers.require();
        return Optional.of(Map.of(
                "installed", devices.openLeases(citizenId).stream()
                        .map(lease -> new Installed(lease.serial(),
                                chains.model(lease.modelId()).map(ProductView::name).orElse("-"), lease.startsOn()))
                        .toList(),
                "pauses", pauses.ofCitizen(citizenId).stream().filter(p -> !p.toDay().isBefore(devices.today()))
                        .toList(),
                "level", assessments.ofCitizen(citizenId).stream().findFirst().map(a -> a.chosen().name()).orElse(""),
                "work", list.rows(workOrders.openOfCitizen(citizenId)),
                "links", !readOnly && (user.has(Role.WAREHOUSE) || user.has(Role.FSC_ADMIN))));
    }
}
