package dk.fsc.warehouse.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductSupply;
import dk.fsc.assortment.ProductView;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.warehouse.internal.PurchaseOrderRepository.Line;
import dk.fsc.warehouse.internal.PurchaseOrderRepository.Position;
import dk.fsc.warehouse.internal.PurchaseOrderRepository.PurchaseOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buying stock: a reorder point and quantity per product, a reorder proposal per supplier (from
 * the assortment's suppliers) for the products whose stock position fell below their point, the
 * administrator's purchase order made from a proposal, and goods received against it by scanning
 * the packs. A receipt may exceed what is outstanding by a tolerance
 * (fsc.warehouse.over-receipt-percent, 10 by default), never more; what arrives reserves the
 * shortage list at once, as any receipt does.
 */
@Service
class Purchasing {

    static final String NO_ORDER = "There is no purchase order with this id.";

    record RuleChange(@Nullable Integer reorderPoint, @Nullable Integer reorderQuantity) {
    }

    /** A product to order: its position against its rule and what is proposed. */
    record ProposedLine(UUID productId, String productName, String supplierItemNumber, int reorderPoint,
            int available, int onOrder, int waiting, int quantity) {
    }

    /** What to order of one supplier. */
    record Proposal(UUID supplierId, String supplierName, List<ProposedLine> lines) {
    }

    record NewPurchaseOrder(@Nullable UUID supplierId, @Nullable String expectedDate) {
    }

    record PurchaseOrderView(PurchaseOrder order, List<Line> lines, Map<ProductId, ProductView> products) {

        public int outstanding() {
            return lines.stream().mapToInt(Line::outstanding).sum();
        }

        public String name(UUID productId) {
            ProductView product = products.get(new ProductId(productId));
            return product == null ? productId.toString() : product.name();
        }

        public String itemNumber(UUID productId) {
            ProductView product = products.get(new ProductId(productId));
            return product == null ? "" : product.itemNumber();
        }
    }

    record PoReceipt(@Nullable String scan, @Nullable Integer quantity, @Nullable String locationCode) {
    }

    /** Why the rest of a purchase order will not come (required, at most 500 characters). */
    record Closing(@Nullable String reason) {
    }

    static final int MAX_CLOSE_REASON = 500;

    private final PurchaseOrderRepository orders;
    private final StockKeeping stockKeeping;
    private final Assortment assortment;
    private final int overReceiptPercent;

    Purchasing(PurchaseOrderRepository orders, StockKeeping stockKeeping, Assortment assortment,
            @Value("${fsc.warehouse.over-receipt-percent:10}") int overReceiptPercent) {
        this.orders = orders;
        this.stockKeeping = stockKeeping;
        this.assortment = assortment;
        this.overReceiptPercent = overReceiptPercent;
    }

    @Transactional
    PurchaseOrderRepository.ReorderRule setRule(UUID productId, RuleChange change) {
        List<FieldError> errors = new ArrayList<>();
        if (assortment.product(new ProductId(productId)).isEmpty()) {
            throw new NotFoundException("The assortment has no product with this id.");
        }
        if (change.reorderPoint() == null || change.reorderPoint() < 0 || change.reorderPoint() > 1_000_000) {
            errors.add(FieldError.of("reorderPoint", "warehouse.error.reorder.point"));
        }
        if (change.reorderQuantity() == null || change.reorderQuantity() < 1 || change.reorderQuantity() > 1_000_000) {
            errors.add(FieldError.of("reorderQuantity", "warehouse.error.reorder.quantity"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The reorder rule cannot be saved", errors);
        }
        StockRepository.Movement by = stockKeeping.movement("reorder rule", "");
        orders.saveRule(productId, change.reorderPoint(), change.reorderQuantity(), by.at(), by.by());
        return orders.rules().stream().filter(rule -> rule.productId().equals(productId)).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    List<PurchaseOrderRepository.ReorderRule> rules() {
        return orders.rules();
    }

    /** Every supplier with something to order, by name. */
    @Transactional(readOnly = true)
    List<Proposal> proposals() {
        return proposals(orders.positions(stockKeeping.today(), null));
    }

    private List<Proposal> proposals(List<Position> positions) {
        List<Position> below = positions.stream().filter(position -> position.proposed() > 0).toList();
        List<ProductId> ids = below.stream().map(position -> new ProductId(position.productId())).toList();
        Map<ProductId, ProductSupply> supplies = assortment.supplies(ids);
        Map<ProductId, ProductView> products = assortment.products(ids);
        Map<UUID, Proposal> bySupplier = new LinkedHashMap<>();
        for (Position position : below) {
            ProductId id = new ProductId(position.productId());
            ProductSupply supply = supplies.get(id);
            if (supply == null) {
                continue;
            }
            bySupplier.computeIfAbsent(supply.supplierId(),
                    supplier -> new Proposal(supplier, supply.supplierName(), new ArrayList<>())).lines()
                    .add(new ProposedLine(position.productId(), products.get(id).name(), supply.supplierItemNumber(),
                            position.reorderPoint(), position.available(), position.onOrder(), position.waiting(),
                            position.proposed()));
        }
        return bySupplier.values().stream().sorted(Comparator.comparing(Proposal::supplierName)).toList();
    }

    /**
     * The supplier's proposal becomes a purchase order, priced by the assortment's prices of the
     * day. The rules of the supplier's products are locked and the proposal worked out again, so
     * two administrators converting it at once make one order: the second finds nothing to order.
     */
    @Transactional
    PurchaseOrderView order(NewPurchaseOrder request) {
        LocalDate today = stockKeeping.today();
        List<FieldError> errors = new ArrayList<>();
        LocalDate expected = date(request.expectedDate());
        if (expected == null || expected.isBefore(today) || expected.isAfter(today.plusYears(1))) {
            errors.add(FieldError.of("expectedDate", "warehouse.error.po.expectedDate"));
        }
        if (request.supplierId() == null) {
            errors.add(FieldError.of("supplierId", "warehouse.error.po.supplier"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The purchase order cannot be made", errors);
        }
        List<UUID> ofSupplier = assortment.supplies(orders.rules().stream()
                .map(rule -> new ProductId(rule.productId())).toList()).values().stream()
                .filter(supply -> supply.supplierId().equals(request.supplierId()))
                .map(supply -> supply.productId().value()).toList();
        Proposal proposal = proposals(orders.positions(today, ofSupplier)).stream()
                .filter(candidate -> candidate.supplierId().equals(request.supplierId())).findFirst()
                .orElseThrow(() -> new ConflictException("Nothing of this supplier is below its reorder point.",
                        List.of(FieldError.of("supplierId", "warehouse.error.po.nothing"))));
        StockRepository.Movement by = stockKeeping.movement("purchase order", "");
        PurchaseOrder order = new PurchaseOrder(UUID.randomUUID(), "PO-" + orders.nextNumber(), proposal.supplierId(),
                proposal.supplierName(), expected, by.at(), by.by());
        List<Line> lines = new ArrayList<>();
        for (ProposedLine line : proposal.lines()) {
            var price = assortment.priceOn(new ProductId(line.productId()), today);
            lines.add(new Line(order.id(), lines.size() + 1, line.productId(), line.supplierItemNumber(),
                    line.quantity(), 0, price.isPresent() ? price.getAsLong() : null));
        }
        orders.insert(order, lines);
        return view(order);
    }

    private static @Nullable LocalDate date(@Nullable String text) {
        try {
            return text == null ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    @Transactional(readOnly = true)
    List<PurchaseOrder> recent() {
        return orders.recent(100);
    }

    @Transactional(readOnly = true)
    PurchaseOrderView purchaseOrder(UUID id) {
        return view(orders.find(id).orElseThrow(() -> new NotFoundException(NO_ORDER)));
    }

    private PurchaseOrderView view(PurchaseOrder order) {
        List<Line> lines = orders.lines(order.id());
        return new PurchaseOrderView(order, lines,
                assortment.products(lines.stream().map(line -> new ProductId(line.productId())).toList()));
    }

    /**
     * Goods received against the order: the scanned product must be on it, and no more than what
     * is outstanding plus the tolerance. The stock receipt checks the lot, its expiry and the
     * location, and reserves the shortage list; once every line is in, the order is received.
     */
    @Transactional
    PurchaseOrderView receive(UUID id, PoReceipt receipt) {
        PurchaseOrder order = orders.findForUpdate(id).orElseThrow(() -> new NotFoundException(NO_ORDER));
        refuseUnlessOpen(order, "scan");
        StockKeeping.ScannedPack pack = stockKeeping.read("scan", receipt.scan());
        Line line = orders.lines(id).stream().filter(candidate -> candidate.productId().equals(pack.productId()))
                .findFirst().orElseThrow(() -> new InvalidInputException("The product is not on the purchase order",
                        List.of(FieldError.of("scan", "warehouse.error.po.wrongProduct", pack.product().name(),
                                order.number()))));
        int allowed = Math.max(line.ordered() + line.ordered() * overReceiptPercent / 100 - line.received(), 0);
        if (receipt.quantity() != null && receipt.quantity() > allowed) {
            throw new InvalidInputException("More than ordered", List.of(FieldError.of("quantity",
                    "warehouse.error.po.overReceipt", line.outstanding(), allowed)));
        }
        stockKeeping.receive(new StockKeeping.Receipt(receipt.scan(), receipt.quantity(), receipt.locationCode(),
                order.number()));
        orders.received(id, line.line(), receipt.quantity());
        if (orders.lines(id).stream().allMatch(candidate -> candidate.outstanding() == 0)) {
            orders.status(id, PurchaseOrderRepository.Status.RECEIVED);
        }
        return view(orders.find(id).orElseThrow());
    }

    /**
     * The supplier will not deliver the rest: an open order, partly received or not at all, is
     * closed short with the reason, by whom and when. What was received stays received; what is
     * outstanding no longer counts as on order, so the product's reorder proposal comes back. The
     * order's row is locked, so a receipt at the same moment goes either before (and counts) or
     * after (and is refused).
     */
    @Transactional
    PurchaseOrderView closeShort(UUID id, Closing closing) {
        PurchaseOrder order = orders.findForUpdate(id).orElseThrow(() -> new NotFoundException(NO_ORDER));
        String reason = closing.reason() == null ? "" : closing.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_CLOSE_REASON) {
            throw new InvalidInputException("The purchase order cannot be closed",
                    List.of(FieldError.of("reason", "warehouse.error.po.closeReason", MAX_CLOSE_REASON)));
        }
        refuseUnlessOpen(order, "reason");
        StockRepository.Movement by = stockKeeping.movement("purchase order closed short", order.number());
        orders.closeShort(id, by.at(), by.by(), reason);
        return view(orders.find(id).orElseThrow());
    }

    /** A received or closed order takes no more goods and cannot be closed again: 409 on {@code field}. */
    private static void refuseUnlessOpen(PurchaseOrder order, String field) {
        switch (order.status()) {
            case OPEN -> {
            }
            case RECEIVED -> throw new ConflictException("The purchase order is received in full.",
                    List.of(FieldError.of(field, "warehouse.error.po.closed", order.number())));
            case CLOSED_SHORT -> throw new ConflictException("The purchase order is closed short.",
                    List.of(FieldError.of(field, "warehouse.error.po.closedShort", order.number(),
                            order.closeReason())));
        }
    }

    /** When each product of {@code productIds} is expected: the earliest open purchase order still owing it. */
    @Transactional(readOnly = true)
    Map<UUID, LocalDate> expectedDates(List<UUID> productIds) {
        return orders.expectedDates(productIds);
    }
}
