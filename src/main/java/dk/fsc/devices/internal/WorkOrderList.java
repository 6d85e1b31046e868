package dk.fsc.devices.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductView;
import dk.fsc.devices.WorkOrderType;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Work orders as the lists show them (the pages and the API alike): with their target flags and
 * the names of their technician and model; a caseworker sees their own municipality's only.
 */
@Component
class WorkOrderList {

    /** A work order with its target flags and the names of its technician and model. */
    record Row(WorkOrders.WorkOrder work, boolean missed, boolean willMiss, @Nullable String technician,
            @Nullable String model) {
    }

    /** What a list is narrowed to; unknown values narrow nothing. Flags: missed, willMiss, waiting. */
    record Filter(@Nullable WorkOrderType type, WorkOrders.@Nullable Status status, String flag) {

        static Filter of(@Nullable String type, @Nullable String status, @Nullable String flag) {
            return new Filter(Arrays.stream(WorkOrderType.values()).filter(t -> t.name().equals(type)).findFirst()
                    .orElse(null), Arrays.stream(WorkOrders.Status.values()).filter(s -> s.name().equals(status))
                            .findFirst().orElse(null), flag == null ? "" : flag);
        }
    }

    private final WorkOrders workOrders;
    private final Technicians technicians;
    private final WorkChains chains;
    private final DeviceRegister devices;
    private final Assortment assortment;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    WorkOrderList(WorkOrders workOrders, Technicians technicians, WorkChains chains, DeviceRegister devices,
            Assortment assortment, CurrentUsers currentUsers, Clock clock) {
        this.workOrders = workOrders;
        this.devices = devices;
        this.assortment = assortment;
        this.technicians = technicians;
        this.chains = chains;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /** The signed-in caseworker's municipality, or null for the roles that see every municipality's work. */
    @Nullable String municipalityOfCaseworker() {
        CurrentUser user = currentUsers.require();
        return user.has(Role.MUNICIPAL_CASEWORKER) ? user.municipalityCode() : null;
    }

    List<Row> search(Filter filter) {
        return rows(workOrders.search(municipalityOfCaseworker(), filter.type(), filter.status(), null)).stream()
                .filter(r -> switch (filter.flag()) {
                    case "missed" -> r.missed();
                    case "willMiss" -> r.willMiss();
                    case "waiting" -> r.work().waiting() != null && r.work().open();
                    default -> true;
                }).toList();
    }

    Row row(WorkOrders.WorkOrder work) {
        return rows(List.of(work)).getFirst();
    }

    List<Row> rows(List<WorkOrders.WorkOrder> list) {
        Instant now = clock.instant();
        Map<String, Integer> warn = new HashMap<>();
        workOrders.targets().forEach(t -> warn.put(t.code(), t.warnHours()));
        Map<UUID, String> names = new HashMap<>();
        technicians.all().forEach(t -> names.put(t.id(), t.name()));
        Map<String, String> areas = new HashMap<>();
        assortment.areas().forEach(area -> areas.put(area.code(), area.name(LocaleContextHolder.getLocale())));
        return list.stream().map(w -> new Row(w, w.missed(now), w.willMiss(now, warn.getOrDefault(w.type().name(), 24)),
                w.technicianId() == null ? null : names.get(w.technicianId()), model(w, areas))).toList();
    }

    /** The granted model, else the model of the device set aside for the work, else the granted area, by name. */
    private @Nullable String model(WorkOrders.WorkOrder work, Map<String, String> areas) {
        UUID model = work.modelId() != null || work.deviceSerial() == null ? work.modelId()
                : devices.find(work.deviceSerial()).map(DeviceRegister.Device::modelId).orElse(null);
        return chains.model(model).map(ProductView::name)
                .orElse(work.areaCode() == null ? null : areas.getOrDefault(work.areaCode(), work.areaCode()));
    }
}
