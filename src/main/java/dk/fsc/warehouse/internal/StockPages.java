package dk.fsc.warehouse.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.FormErrors;
import dk.fsc.shared.web.FormValues;
import dk.fsc.warehouse.LotStock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Stock search (by scan, GTIN, lot, name or item number) and the stock card of a product or a lot
 * with every movement of the ledger; citizens' returns; a short pick reported from the pick page and
 * the count tasks it makes.
 */
@Controller
@PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
class StockPages {

    private final StockKeeping stockKeeping;
    private final StockRepository stock;
    private final Returns returns;
    private final Picking picking;
    private final Assortment assortment;
    private final MessageSource messages;
    private final CountTasks countTasks;

    StockPages(StockKeeping stockKeeping, StockRepository stock, Returns returns, Picking picking,
            Assortment assortment, MessageSource messages, CountTasks countTasks) {
        this.countTasks = countTasks;
        this.stockKeeping = stockKeeping;
        this.stock = stock;
        this.returns = returns;
        this.picking = picking;
        this.assortment = assortment;
        this.messages = messages;
    }

    @GetMapping("/warehouse/stock")
    String search(@RequestParam(required = false) @Nullable String q, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        if (q != null) {
            try {
                List<LotStock> found = stockKeeping.search(q);
                model.addAttribute("found", found);
                model.addAttribute("products", assortment.products(found.stream().map(LotStock::productId).toList()));
            } catch (DomainException refused) {
                model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            }
        }
        return "warehouse/stock-search";
    }

    @GetMapping("/warehouse/stock/{productId}")
    String card(@PathVariable String productId, @RequestParam(required = false) @Nullable String lot, Model model) {
        UUID id = FormValues.pathId(productId);
        ProductView product = assortment.product(new ProductId(id))
                .orElseThrow(() -> new NotFoundException("The assortment has no product with this id."));
        String onlyLot = lot == null || lot.isBlank() ? null : lot.strip();
        model.addAttribute("product", product);
        model.addAttribute("lot", onlyLot);
        model.addAttribute("rows", stock.stock(id).stream()
                .filter(row -> onlyLot == null || row.lot().equals(onlyLot)).toList());
        model.addAttribute("ledger", stock.ledger(id, onlyLot, 500).stream().map(this::worded).toList());
        return "warehouse/stock-card";
    }

    /** A ledger entry as the stock card shows it: its reason and document in the reader's language. */
    record LedgerLine(StockRepository.LedgerEntry entry, String by, String reason, String document) {
    }

    /**
     * The ledger keeps its reasons and documents in English words (with codes and notes after a
     * colon); the card words the known ones from the bundle and leaves notes as they were typed.
     */
    private LedgerLine worded(StockRepository.LedgerEntry entry) {
        Locale locale = LocaleContextHolder.getLocale();
        String[] reason = entry.reason().split(": ", 2);
        String head = messages.getMessage("warehouse.ledger.reason." + reason[0].replaceAll("[^A-Za-z]+", "-"), null,
                reason[0], locale);
        String rest = reason.length < 2 ? "" : ": " + (reason[1].matches("[A-Z_]+")
                ? messages.getMessage("warehouse.ledger.code." + reason[1], null, reason[1], locale) : reason[1]);
        String[] document = entry.document().split(" ", 2);
        String kind = messages.getMessage("warehouse.ledger.document." + document[0], null, document[0], locale);
        String by = entry.by().startsWith("system:") ? messages.getMessage("warehouse.card.bySystem", null, locale)
                : entry.by();
        return new LedgerLine(entry, by, head + rest, document.length < 2 ? kind : kind + " " + document[1]);
    }

    @GetMapping("/warehouse/returns")
    String returns(Model model) {
        List<Returns.Return> recent = returns.recent(50);
        model.addAttribute("returns", recent);
        Map<UUID, String> names = new HashMap<>();
        assortment.products(recent.stream().map(r -> new ProductId(r.productId())).distinct().toList())
                .forEach((id, product) -> names.put(id.value(), product.name()));
        model.addAttribute("names", names);
        model.addAttribute("locations", stock.locations());
        return "warehouse/returns";
    }

    @PostMapping("/warehouse/returns")
    String receiveReturn(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("received", returns.receive(new Returns.NewReturn(params.get("trackingNumber"),
                    params.get("scan"), PurchasingPages.number(params.get("quantity")), params.get("condition"),
                    params.get("locationCode"))));
            return "redirect:/warehouse/returns";
        } catch (DomainException refused) {
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", params);
            return returns(model);
        }
    }

    @PostMapping("/warehouse/orders/{orderId}/short-picks")
    String shortPick(@PathVariable String orderId, @RequestParam Map<String, String> params, Model model) {
        UUID id = FormValues.pathId(orderId);
        try {
            model.addAttribute("list", picking.shortPick(id, new Picking.ShortPick(
                    PurchasingPages.number(params.get("line")), params.get("lot"), params.get("locationCode"),
                    PurchasingPages.number(params.get("found")), params.get("reasonCode"))));
            model.addAttribute("notice", "warehouse.shortPick.done");
        } catch (DomainException refused) {
            if (refused instanceof NotFoundException) {
                throw refused;
            }
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("list", picking.pickList(id));
        }
        return "warehouse/pick";
    }

    @GetMapping("/warehouse/count-tasks")
    String countTasks(Model model) {
        model.addAttribute("open", countTasks.openWithNames());
        return "warehouse/count-tasks";
    }

    @PostMapping("/warehouse/count-tasks/{id}")
    String count(@PathVariable String id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect) {
        UUID taskId = FormValues.pathId(id);
        try {
            redirect.addFlashAttribute("counted", countTasks.count(taskId,
                    new CountTasks.Count(PurchasingPages.number(params.get("counted")))));
            return "redirect:/warehouse/count-tasks";
        } catch (DomainException refused) {
            if (refused instanceof NotFoundException) {
                throw refused;
            }
            Map<String, String> errors = FormErrors.byField(refused.errors(), messages);
            model.addAttribute("errors", errors);
            model.addAttribute("typed", params);
            model.addAttribute("failed", taskId);
            CountTasks.OpenTasks open = countTasks.openWithNames();
            model.addAttribute("open", open);
            if (open.tasks().stream().noneMatch(task -> task.id().equals(taskId))) {
                model.addAttribute("refused", errors.get("counted"));
            }
            return "warehouse/count-tasks";
        }
    }
}
