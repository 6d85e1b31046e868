package dk.fsc.warehouse.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.web.OrderPanel;
import dk.fsc.shared.web.StartPagePanel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the warehouse adds to other pages: an order's shipment on the order pages, the agents' call list. */
final class WarehousePanels {

    private WarehousePanels() {
    }

    /** A lot delivered, or on its way, as the order page shows it. */
    record LotLine(String product, String lot, LocalDate expiry, int quantity) {
    }

    /**
     * On the order pages of citizens, agents and caseworkers: where the order is in the warehouse,
     * what waits for stock, the shipment with the carrier's tracking events, and the lots sent.
     */
    @Component
    static class ShipmentOrderPanel implements OrderPanel {

        private final FulfilmentRepository fulfilments;
        private final Assortment assortment;

        ShipmentOrderPanel(FulfilmentRepository fulfilments, Assortment assortment) {
            this.fulfilments = fulfilments;
            this.assortment = assortment;
        }

        @Override
        public String template() {
            return "warehouse/panels";
        }

        @Override
        public String fragment() {
            return "shipment";
        }

        @Override
        @Transactional(readOnly = true)
        public Map<UUID, Map<String, Object>> models(Collection<UUID> orderIds) {
            List<FulfilmentRepository.Fulfilment> orders = fulfilments.findAll(orderIds);
            Map<UUID, List<FulfilmentRepository.CarrierEvent>> events = fulfilments.carrierEvents(orders.stream()
                    .map(FulfilmentRepository.Fulfilment::shipmentId).filter(id -> id != null).toList()).stream()
                    .collect(Collectors.groupingBy(FulfilmentRepository.CarrierEvent::shipmentId));
            Map<UUID, Map<String, Object>> models = new HashMap<>();
            for (FulfilmentRepository.Fulfilment order : orders) {
                List<FulfilmentRepository.PickLine> lines = fulfilments.pickList(order.orderId());
                List<FulfilmentRepository.Backorder> backorders = fulfilments.backorders(order.orderId());
                Map<ProductId, ProductView> products = assortment.products(java.util.stream.Stream.concat(
                        lines.stream().map(FulfilmentRepository.PickLine::productId),
                        backorders.stream().map(FulfilmentRepository.Backorder::productId))
                        .map(ProductId::new).toList());
                Map<String, Object> model = new HashMap<>();
                model.put("order", order);
                model.put("awaiting", backorders.stream().map(backorder -> backorder.missing() + " × "
                        + name(products, backorder.productId())).toList());
                model.put("lots", lines.stream().filter(line -> line.picked() > 0)
                        .map(line -> new LotLine(name(products, line.productId()), line.lot(), line.expiry(),
                                line.picked()))
                        .toList());
                model.put("events", order.shipmentId() == null ? List.of()
                        : events.getOrDefault(order.shipmentId(), List.of()));
                models.put(order.orderId(), model);
            }
            return models;
        }

        private static String name(Map<ProductId, ProductView> products, UUID productId) {
            ProductView product = products.get(new ProductId(productId));
            return product == null ? productId.toString() : product.name();
        }
    }

    /** The agents' start page: shipments the carrier failed to deliver twice; call the citizen. */
    @Component
    static class CallCitizensPanel implements StartPagePanel {

        private final FulfilmentRepository fulfilments;
        private final CurrentUsers currentUsers;

        CallCitizensPanel(FulfilmentRepository fulfilments, CurrentUsers currentUsers) {
            this.fulfilments = fulfilments;
            this.currentUsers = currentUsers;
        }

        @Override
        public String template() {
            return "warehouse/panels";
        }

        @Override
        public String fragment() {
            return "call-citizens";
        }

        @Override
        public int order() {
            return 40;
        }

        @Override
        @Transactional(readOnly = true)
        public Optional<Map<String, Object>> model() {
            return currentUsers.current().filter(user -> user.has(Role.FSC_AGENT))
                    .map(user -> Map.of("shipments", fulfilments.toCall()));
        }
    }
}
