package dk.fsc.warehouse.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.FormErrors;
import dk.fsc.shared.web.FormValues;
import dk.fsc.warehouse.LotStock;
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
 * The warehouse's pages for a tablet with a hand scanner (it types the barcode and Enter): the
 * start page with the orders to pick, the stock per product and lot and the goods receipt, and
 * the pick page with its scan field. Each form answers with the whole page; htmx swaps the part
 * that changed, and the scan field takes the focus again for the next pack.
 */
@Controller
@PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
class WarehousePages {

    private final StockKeeping stockKeeping;
    private final StockRepository stock;
    private final Picking picking;
    private final Assortment assortment;
    private final MessageSource messages;
    private final PackingSlips packingSlips;
    private final Recalls recalls;

    WarehousePages(StockKeeping stockKeeping, StockRepository stock, Picking picking, Assortment assortment,
            MessageSource messages, PackingSlips packingSlips, Recalls recalls) {
        this.recalls = recalls;
        this.packingSlips = packingSlips;
        this.stockKeeping = stockKeeping;
        this.stock = stock;
        this.picking = picking;
        this.assortment = assortment;
        this.messages = messages;
    }

    @GetMapping("/warehouse")
    String start(Model model) {
        List<LotStock> lots = StockKeeping.lots(stock.allStock());
        model.addAttribute("toPick", picking.toPick());
        List<FulfilmentRepository.CuttingTask> cuttingTasks = picking.openCuttingTasks();
        model.addAttribute("cuttingTasks", cuttingTasks);
        Map<UUID, String> cutNames = new HashMap<>();
        assortment.products(cuttingTasks.stream().map(task -> new ProductId(task.productId())).toList())
                .forEach((id, product) -> cutNames.put(id.value(), product.name()));
        model.addAttribute("cutNames", cutNames);
        model.addAttribute("lots", lots);
        model.addAttribute("products", assortment.products(lots.stream().map(LotStock::productId).toList()));
        model.addAttribute("locations", stock.locations());
        model.addAttribute("today", stockKeeping.today());
        return "warehouse/start";
    }

    @PostMapping("/warehouse/receipts")
    String receive(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Long quantity = FormValues.wholeNumber(params.getOrDefault("quantity", ""));
        try {
            StockRepository.StockRow row = stockKeeping.receive(new StockKeeping.Receipt(params.get("scan"),
                    quantity == null ? null : (int) Math.clamp(quantity, -1, 1_000_000), params.get("locationCode"),
                    params.get("document")));
            redirect.addFlashAttribute("received", row);
            return "redirect:/warehouse";
        } catch (DomainException refused) {
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", params);
            return start(model);
        }
    }

    @GetMapping("/warehouse/orders/{orderId}")
    String pickPage(@PathVariable String orderId, Model model) {
        model.addAttribute("list", picking.pickList(FormValues.pathId(orderId)));
        return "warehouse/pick";
    }

    @PostMapping("/warehouse/orders/{orderId}/picks")
    String pick(@PathVariable String orderId, @RequestParam(defaultValue = "") String scan,
            @RequestParam(defaultValue = "") String quantity, Model model) {
        UUID id = FormValues.pathId(orderId);
        Long typed = FormValues.wholeNumber(quantity);
        return step(id, model, () -> picking.confirm(id, new Picking.Pick(scan,
                typed == null ? null : (int) Math.clamp(typed, -1, 1_000_000))), "warehouse.picked");
    }

    @GetMapping("/warehouse/recalls")
    String recalls(Model model) {
        List<LotStock> lots = StockKeeping.lots(stock.allStock());
        model.addAttribute("products", assortment.products(lots.stream().map(LotStock::productId).distinct().toList()));
        model.addAttribute("recalls", recalls.all());
        model.addAttribute("stopped", recalls.stopped());
        return "warehouse/recalls";
    }

    @PostMapping("/warehouse/recalls")
    String recall(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        try {
            Recalls.Outcome outcome = recalls.recall(new Recalls.NewRecall(FormValues.uuidOrNull(
                    params.getOrDefault("productId", "")), params.get("lot"), params.get("supplierNotice"),
                    params.get("noticeDate"), params.get("reason")));
            redirect.addFlashAttribute("outcome", outcome);
            return "redirect:/warehouse/recalls";
        } catch (DomainException refused) {
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", params);
            return recalls(model);
        }
    }

    @PostMapping("/warehouse/orders/{orderId}/cuts/{line}")
    String cut(@PathVariable String orderId, @PathVariable int line, Model model) {
        UUID id = FormValues.pathId(orderId);
        return step(id, model, () -> picking.cut(id, line), "warehouse.cut");
    }

    @PostMapping("/warehouse/orders/{orderId}/pack")
    String pack(@PathVariable String orderId, @RequestParam(defaultValue = "") String carrier, Model model) {
        UUID id = FormValues.pathId(orderId);
        model.addAttribute("typed", Map.of("carrier", carrier));
        return step(id, model, () -> picking.pack(id, new Picking.Packing(carrier)), "warehouse.shipped");
    }

    @GetMapping("/warehouse/orders/{orderId}/packing-slip")
    ResponseEntity<byte[]> packingSlip(@PathVariable String orderId) {
        return PackingSlips.response(packingSlips, FormValues.pathId(orderId));
    }

    private String step(UUID orderId, Model model, Supplier<Picking.PickList> step, String notice) {
        try {
            model.addAttribute("list", step.get());
            model.addAttribute("notice", notice);
        } catch (DomainException refused) {
            if (refused instanceof NotFoundException) {
                throw refused;
            }
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("list", picking.pickList(orderId));
        }
        return "warehouse/pick";
    }
}
