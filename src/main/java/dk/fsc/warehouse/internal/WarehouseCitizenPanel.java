package dk.fsc.warehouse.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.fsc.shared.web.CitizenPanel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warehouse's panel on the service center's whole-citizen view: the citizen's recent
 * shipments with tracking number, the carrier's latest event and when they were delivered (the
 * orders' panel shows each order's status). It offers no actions.
 */
@Component
class WarehouseCitizenPanel implements CitizenPanel {

    static final int RECENT = 5;

    /** A shipment as the panel shows it. */
    record Shipment(FulfilmentRepository.Fulfilment order, FulfilmentRepository.@Nullable CarrierEvent latest) {
    }

    private final FulfilmentRepository fulfilments;

    WarehouseCitizenPanel(FulfilmentRepository fulfilments) {
        this.fulfilments = fulfilments;
    }

    @Override
    public String template() {
        return "warehouse/citizen-panel";
    }

    @Override
    public String fragment() {
        return "shipments";
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> model(UUID citizenId, boolean readOnly) {
        List<FulfilmentRepository.Fulfilment> shipped = fulfilments.shippedOfCitizen(citizenId, RECENT);
        Map<UUID, FulfilmentRepository.CarrierEvent> latest = fulfilments.carrierEvents(shipped.stream()
                .map(FulfilmentRepository.Fulfilment::shipmentId).toList()).stream()
                .collect(Collectors.toMap(FulfilmentRepository.CarrierEvent::shipmentId, Function.identity(),
                        (earlier, later) -> later));
        return Optional.of(Map.of("shipments", shipped.stream()
                .map(order -> new Shipment(order, latest.get(order.shipmentId()))).toList()));
    }
}
