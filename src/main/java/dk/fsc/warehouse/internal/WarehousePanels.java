package dk.fsc.warehouse.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.identity.AuditLog;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.web.OrderPanel;
import dk.fsc.shared.web.StartPagePanel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the warehouse adds to other pages: an order's shipment on the order pages, the agents' call
 * list, the warehouse staff's open count tasks.
 */
final class WarehousePanels {

    private WarehousePanels() {
    }

    /** A warehouse box on the start page: its fragment in {@code warehouse/panels} and its place. */
    abstract static class WarehouseStartPanel implements StartPagePanel {

        private final String fragment;
        private final int order;

        WarehouseStartPanel(String fragment, int order) {
            this.fragment = fragment;
            this.order = order;
        }

        @Override
        public String template() {
            return "warehouse/panels";
        }

        @Override
        public String fragment() {
            return fragment;
        }

        @Override
        public int order() {
            return order;
        }
    }

    /** A lot delivered, or on its way, as the order page shows it. */
    record LotLine(String product, String lot, LocalDate expiry, int quantity) {
    }

    /** What an order waits for: how many of a product, and when an open purchase order expects it. */
    record Awaiting(int missing, String product, @Nullable LocalDate expected) {
    }

    /**
     * On the order pages of citizens, agents and caseworkers: where the order is in the warehouse,
     * its planned delivery day while on its way, what waits for stock, the shipment with the
     * carrier's tracking events, and the lots sent.
     */
    @Component
    static class ShipmentOrderPanel implements OrderPanel {

        private static final Set<FulfilmentRepository.Status> ON_ITS_WAY = EnumSet.of(
                FulfilmentRepository.Status.TO_PICK, FulfilmentRepository.Status.PICKED,
                FulfilmentRepository.Status.SHIPPED);

        private final FulfilmentRepository fulfilments;
        private final Assortment assortment;
        private final Purchasing purchasing;

        ShipmentOrderPanel(FulfilmentRepository fulfilments, Assortment assortment, Purchasing purchasing) {
            this.fulfilments = fulfilments;
            this.assortment = assortment;
            this.purchasing = purchasing;
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
                model.put("planned", ON_ITS_WAY.contains(order.status()));
                Map<UUID, LocalDate> expected = purchasing.expectedDates(backorders.stream()
                        .map(FulfilmentRepository.Backorder::productId).toList());
                model.put("awaiting", backorders.stream().map(backorder -> new Awaiting(backorder.missing(),
                        name(products, backorder.productId()), expected.get(backorder.productId()))).toList());
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

    /**
     * A caseworker's start page: the citizens of their municipality who received a recalled lot,
     * each look written to the audit log; left out while there are none.
     */
    @Component
    static class RecallRecipientsPanel extends WarehouseStartPanel {

        private final Recalls recalls;
        private final Assortment assortment;
        private final CurrentUsers currentUsers;
        private final AuditLog auditLog;

        RecallRecipientsPanel(Recalls recalls, Assortment assortment, CurrentUsers currentUsers, AuditLog auditLog) {
            super("recall-recipients", 20);
            this.recalls = recalls;
            this.assortment = assortment;
            this.currentUsers = currentUsers;
            this.auditLog = auditLog;
        }

        @Override
        @Transactional
        public Optional<Map<String, Object>> model() {
            return currentUsers.current()
                    .filter(user -> user.has(Role.MUNICIPAL_CASEWORKER) && user.municipalityCode() != null)
                    .map(user -> recalls.recipientsIn(user.municipalityCode())).filter(list -> !list.isEmpty())
                    .map(recipients -> {
                        recipients.stream().map(Recalls.Recipient::citizenId).distinct()
                                .forEach(citizen -> auditLog.record(citizen, "warehouse.recall-list"));
                        Map<UUID, String> names = new HashMap<>();
                        assortment.products(recipients.stream().map(r -> new ProductId(r.productId())).toList())
                                .forEach((id, product) -> names.put(id.value(), product.name()));
                        return Map.of("recipients", recipients, "products", names);
                    });
        }
    }

    /** The agents' start page: shipments the carrier failed to deliver twice; call the citizen. */
    @Component
    static class CallCitizensPanel extends WarehouseStartPanel {

        private final FulfilmentRepository fulfilments;
        private final CurrentUsers currentUsers;

        CallCitizensPanel(FulfilmentRepository fulfilments, CurrentUsers currentUsers) {
            super("call-citizens", 40);
            this.fulfilments = fulfilments;
            this.currentUsers = currentUsers;
        }

        @Override
        @Transactional(readOnly = true)
        public Optional<Map<String, Object>> model() {
            return currentUsers.current().filter(user -> user.has(Role.FSC_AGENT))
                    .map(user -> Map.of("shipments", fulfilments.toCall()));
        }
    }

    /** The warehouse staff's start page: lots to count after short picks; left out while there are none. */
    @Component
    static class CountTasksPanel extends WarehouseStartPanel {

        private final CountTasks countTasks;
        private final CurrentUsers currentUsers;

        CountTasksPanel(CountTasks countTasks, CurrentUsers currentUsers) {
            super("count-tasks", 30);
            this.countTasks = countTasks;
            this.currentUsers = currentUsers;
        }

        @Override
        public Optional<Map<String, Object>> model() {
            return currentUsers.current().filter(user -> user.has(Role.WAREHOUSE)).map(user -> countTasks.openWithNames())
                    .filter(open -> !open.tasks().isEmpty()).map(open -> Map.of("open", open));
        }
    }
}
