package dk.fsc.warehouse.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.FormErrors;
import dk.fsc.shared.web.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Buying stock on a tablet: the reorder rules, the proposals per supplier (the administrator
 * makes a purchase order of one), and a purchase order's page where the packs are scanned in.
 */
@Controller
@PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
class PurchasingPages {

    private final Purchasing purchasing;
    private final PurchaseOrderDocuments documents;
    private final StockKeeping stockKeeping;
    private final StockRepository stock;
    private final Assortment assortment;
    private final MessageSource messages;

    PurchasingPages(Purchasing purchasing, PurchaseOrderDocuments documents, StockKeeping stockKeeping,
            StockRepository stock, Assortment assortment, MessageSource messages) {
        this.purchasing = purchasing;
        this.documents = documents;
        this.stockKeeping = stockKeeping;
        this.stock = stock;
        this.assortment = assortment;
        this.messages = messages;
    }

    @GetMapping("/warehouse/purchasing")
    String purchasing(Model model) {
        List<PurchaseOrderRepository.ReorderRule> rules = purchasing.rules();
        model.addAttribute("rules", rules);
        model.addAttribute("proposals", purchasing.proposals());
        model.addAttribute("purchaseOrders", purchasing.recent());
        Map<ProductId, ProductView> products = assortment.products(Stream.concat(
                stock.allStock().stream().map(StockRepository.StockRow::productId),
                rules.stream().map(PurchaseOrderRepository.ReorderRule::productId))
                .distinct().map(ProductId::new).toList());
        model.addAttribute("products", products);
        Map<UUID, String> names = new HashMap<>();
        products.forEach((id, product) -> names.put(id.value(), product.name()));
        model.addAttribute("names", names);
        model.addAttribute("defaultExpected", stockKeeping.today().plusDays(7));
        return "warehouse/purchasing";
    }

    @PostMapping("/warehouse/reorder-rules")
    String setRule(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        return submit(model, params, redirect, () -> {
            UUID productId = FormValues.uuidOrNull(params.getOrDefault("productId", ""));
            if (productId == null) {
                throw InvalidInputException.of("productId", "warehouse.error.reorder.product");
            }
            purchasing.setRule(productId, new Purchasing.RuleChange(number(params.get("reorderPoint")),
                    number(params.get("reorderQuantity"))));
            return "warehouse.reorder.saved";
        });
    }

    @PostMapping("/warehouse/purchase-orders")
    @PreAuthorize("hasRole('FSC_ADMIN')")
    String order(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        try {
            Purchasing.PurchaseOrderView made = purchasing.order(new Purchasing.NewPurchaseOrder(
                    FormValues.uuidOrNull(params.getOrDefault("supplierId", "")), params.get("expectedDate")));
            redirect.addFlashAttribute("notice", "warehouse.po.made");
            return "redirect:/warehouse/purchase-orders/" + made.order().id();
        } catch (DomainException refused) {
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", params);
            return purchasing(model);
        }
    }

    @GetMapping("/warehouse/purchase-orders/{id}")
    String purchaseOrder(@PathVariable String id, Model model) {
        model.addAttribute("po", purchasing.purchaseOrder(FormValues.pathId(id)));
        model.addAttribute("locations", stock.locations());
        return "warehouse/purchase-order";
    }

    @PostMapping("/warehouse/purchase-orders/{id}/receipts")
    String receive(@PathVariable String id, @RequestParam Map<String, String> params, Model model) {
        UUID orderId = FormValues.pathId(id);
        model.addAttribute("typed", Map.of("locationCode", params.getOrDefault("locationCode", "")));
        return onOrder(orderId, params, model, "warehouse.po.received", () -> purchasing.receive(orderId,
                new Purchasing.PoReceipt(params.get("scan"), number(params.get("quantity")),
                        params.get("locationCode"))));
    }

    @PostMapping("/warehouse/purchase-orders/{id}/close")
    String close(@PathVariable String id, @RequestParam Map<String, String> params, Model model) {
        UUID orderId = FormValues.pathId(id);
        return onOrder(orderId, params, model, "warehouse.po.closedShort",
                () -> purchasing.closeShort(orderId, new Purchasing.Closing(params.get("reason"))));
    }

    /** The purchase order's page after {@code action}: with {@code notice}, or with the refusal next to its field. */
    private String onOrder(UUID orderId, Map<String, String> params, Model model, String notice,
            Supplier<Purchasing.PurchaseOrderView> action) {
        try {
            model.addAttribute("po", action.get());
            model.addAttribute("notice", notice);
        } catch (DomainException refused) {
            if (refused instanceof NotFoundException) {
                throw refused;
            }
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", params);
            model.addAttribute("po", purchasing.purchaseOrder(orderId));
        }
        model.addAttribute("locations", stock.locations());
        return "warehouse/purchase-order";
    }

    @GetMapping("/warehouse/purchase-orders/{id}/{extension:csv|pdf}")
    ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable String extension) {
        return documents.download(FormValues.pathId(id), extension);
    }

    private String submit(Model model, Map<String, String> params, RedirectAttributes redirect,
            Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
            return "redirect:/warehouse/purchasing";
        } catch (DomainException refused) {
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", params);
            return purchasing(model);
        }
    }

    /** A typed whole number, clamped so that an absurd one is refused by the rule, not by overflow. */
    static @Nullable Integer number(@Nullable String text) {
        Long typed = FormValues.wholeNumber(text == null ? "" : text);
        return typed == null ? null : (int) Math.clamp(typed, -1, 10_000_000);
    }
}
