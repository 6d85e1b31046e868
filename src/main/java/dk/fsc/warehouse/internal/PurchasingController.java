package dk.fsc.warehouse.internal;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/warehouse")
@PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
@Tag(name = "Warehouse purchasing", description = "Reorder rules, reorder proposals per supplier, purchase orders"
        + " and goods received against them")
class PurchasingController {

    private final Purchasing purchasing;
    private final PurchaseOrderDocuments documents;

    PurchasingController(Purchasing purchasing, PurchaseOrderDocuments documents) {
        this.purchasing = purchasing;
        this.documents = documents;
    }

    /** A purchase order as the API answers it: the order with its lines. */
    record PurchaseOrderBody(PurchaseOrderRepository.PurchaseOrder order, List<PurchaseOrderRepository.Line> lines) {

        static PurchaseOrderBody of(Purchasing.PurchaseOrderView view) {
            return new PurchaseOrderBody(view.order(), view.lines());
        }
    }

    @GetMapping("/reorder-rules")
    @Operation(summary = "Every product's reorder point and reorder quantity")
    List<PurchaseOrderRepository.ReorderRule> rules() {
        return purchasing.rules();
    }

    @PutMapping("/reorder-rules/{productId}")
    @Operation(summary = "Set a product's reorder point (0 or more) and reorder quantity (1 or more)")
    PurchaseOrderRepository.ReorderRule setRule(@PathVariable UUID productId,
            @RequestBody Purchasing.RuleChange change) {
        return purchasing.setRule(productId, change);
    }

    @GetMapping("/reorder-proposals")
    @Operation(summary = "What to order, per supplier: products whose position (available + on order - waiting)"
            + " fell below their reorder point")
    List<Purchasing.Proposal> proposals() {
        return purchasing.proposals();
    }

    @PostMapping("/purchase-orders")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('FSC_ADMIN')")
    @Operation(summary = "Turn a supplier's reorder proposal into a purchase order (FSC_ADMIN): supplierId,"
            + " expectedDate; 409 when nothing of the supplier is below its point")
    PurchaseOrderBody order(@RequestBody Purchasing.NewPurchaseOrder request) {
        return PurchaseOrderBody.of(purchasing.order(request));
    }

    @GetMapping("/purchase-orders")
    @Operation(summary = "Purchase orders: open ones by expected date, then the newest received")
    List<PurchaseOrderRepository.PurchaseOrder> purchaseOrders() {
        return purchasing.recent();
    }

    @GetMapping("/purchase-orders/{id}")
    @Operation(summary = "A purchase order with its lines: ordered, received, outstanding")
    PurchaseOrderBody purchaseOrder(@PathVariable UUID id) {
        return PurchaseOrderBody.of(purchasing.purchaseOrder(id));
    }

    @PostMapping("/purchase-orders/{id}/close")
    @Operation(summary = "Close an open purchase order short when the supplier will not deliver the rest: reason"
            + " (required, at most 500 characters). What was received stays; the rest no longer counts as on"
            + " order. 409 when the order is received in full or closed already")
    PurchaseOrderBody close(@PathVariable UUID id, @RequestBody Purchasing.Closing closing) {
        return PurchaseOrderBody.of(purchasing.closeShort(id, closing));
    }

    @GetMapping("/purchase-orders/{id}/{extension:csv|pdf}")
    @Operation(summary = "The purchase order for the supplier, as CSV or PDF")
    ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable String extension) {
        return documents.download(id, extension);
    }

    @PostMapping("/purchase-orders/{id}/receipts")
    @Operation(summary = "Receive goods against a purchase order: the pack's GS1 scan, quantity and location; a"
            + " product not on the order, or more than outstanding plus the tolerance, is refused")
    PurchaseOrderBody receive(@PathVariable UUID id, @RequestBody Purchasing.PoReceipt receipt) {
        return PurchaseOrderBody.of(purchasing.receive(id, receipt));
    }
}
