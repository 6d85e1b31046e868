package dk.fsc.orders.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.Citizens;
import dk.fsc.grants.Grants;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.FormErrors;
import dk.fsc.shared.web.FormValues;
import dk.fsc.shared.web.OrderPanel;
import dk.fsc.shared.web.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ordering pages: the citizen's own self-service ("Bestil hjælpemidler"), the same page for
 * the agent on the phone and the caseworker, with consumption, history and standing orders;
 * and the caseworker's work list of orders awaiting approval.
 */
@Controller
class OrderPages {

    private final PlaceOrder placeOrder;
    private final RepeatLastOrder repeatLastOrder;
    private final OrderDecisions decisions;
    private final ReadOrders reads;
    private final StandingOrders standingOrders;
    private final Assortment assortment;
    private final Grants grants;
    private final Citizens citizens;
    private final CurrentUsers currentUsers;
    private final OrderTexts texts;
    private final MessageSource messages;
    private final Clock clock;
    private final ObjectProvider<OrderPanel> orderPanels;

    OrderPages(PlaceOrder placeOrder, RepeatLastOrder repeatLastOrder, OrderDecisions decisions, ReadOrders reads,
            StandingOrders standingOrders, Assortment assortment, Grants grants, Citizens citizens,
            CurrentUsers currentUsers, OrderTexts texts, MessageSource messages, Clock clock,
            ObjectProvider<OrderPanel> orderPanels) {
        this.orderPanels = orderPanels;
        this.placeOrder = placeOrder;
        this.repeatLastOrder = repeatLastOrder;
        this.decisions = decisions;
        this.reads = reads;
        this.standingOrders = standingOrders;
        this.assortment = assortment;
        this.grants = grants;
        this.citizens = citizens;
        this.currentUsers = currentUsers;
        this.texts = texts;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * An order line as the page shows it: the product by name and what happened to the line, worded, and the grant
     * line it counts against.
     */
    record LineView(String product, int quantity, @Nullable Integer holeDiameterMm, ConsumptionControl.Outcome outcome,
            @Nullable String reason, @Nullable UUID grantLineId) {
    }

    record OrderView(Order order, List<LineView> lines, boolean cancellable) {
    }

    /** Another module's part of the orders shown (the warehouse's shipment), per order id. */
    record PanelView(String template, String fragment, Map<UUID, Map<String, Object>> models) {
    }

    @GetMapping("/my/orders")
    String mine() {
        CurrentUser user = currentUsers.require();
        if (!user.has(Role.CITIZEN) || user.citizenId() == null) {
            throw new NotFoundException("No such page.");
        }
        return "redirect:/citizens/" + user.citizenId() + "/orders";
    }

    @GetMapping("/citizens/{citizenId}/orders")
    String orders(@PathVariable String citizenId, Model model) {
        return page(FormValues.pathId(citizenId), model);
    }

    @PostMapping("/citizens/{citizenId}/orders")
    String place(@PathVariable String citizenId, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect) {
        UUID id = FormValues.pathId(citizenId);
        List<String> products = new ArrayList<>();
        List<PlaceOrder.LineCommand> lines = new ArrayList<>();
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (param.getKey().startsWith("qty-") && !param.getValue().isBlank()) {
                String product = param.getKey().substring("qty-".length());
                products.add(product);
                lines.add(new PlaceOrder.LineCommand(FormValues.uuidOrNull(product),
                        FormValues.wholeNumber(param.getValue()),
                        FormValues.wholeNumber(params.getOrDefault("hole-" + product, ""))));
            }
        }
        String channel = params.getOrDefault("channel", "");
        Long weeks = FormValues.wholeNumber(params.getOrDefault("repeatWeeks", ""));
        int repeatWeeks = weeks == null ? 0 : (int) Math.clamp(weeks, 0, 52);
        try {
            PlaceOrder.Placed placed = placeOrder.place(new PlaceOrder.Command(id, lines, channel, null),
                    params.get("idempotencyKey"));
            if (repeatWeeks > 0 && !placed.replayed()) {
                standingOrders.create(id, new StandingOrders.Command(lines, repeatWeeks,
                        today().plusWeeks(repeatWeeks), channel));
                redirect.addFlashAttribute("standingCreated", repeatWeeks);
            }
            redirect.addFlashAttribute("placedId", placed.order().id());
        } catch (DomainException rejected) {
            if (rejected instanceof NotFoundException) {
                throw rejected;
            }
            Map<String, String> errors = FormErrors.byField(rejected.errors(), messages);
            model.addAttribute("errors", errorsByInput(errors, products));
            model.addAttribute("formError", true);
            model.addAttribute("typed", params);
            return page(id, model);
        }
        return "redirect:/citizens/" + id + "/orders";
    }

    @PostMapping("/citizens/{citizenId}/orders/repeat-last")
    String repeatLast(@PathVariable String citizenId, @RequestParam(defaultValue = "") String idempotencyKey,
            RedirectAttributes redirect) {
        UUID id = FormValues.pathId(citizenId);
        try {
            redirect.addFlashAttribute("placedId",
                    repeatLastOrder.repeat(id, idempotencyKey.isBlank() ? null : idempotencyKey).order().id());
        } catch (DomainException refused) {
            if (refused instanceof NotFoundException) {
                throw refused;
            }
            redirect.addFlashAttribute("repeatFailed", true);
        }
        return "redirect:/citizens/" + id + "/orders";
    }

    @PostMapping("/orders/{orderId}/cancel")
    String cancel(@PathVariable String orderId, RedirectAttributes redirect) {
        Order order = decisions.cancel(FormValues.pathId(orderId), null);
        redirect.addFlashAttribute("notice", "orders.cancelled");
        return "redirect:/citizens/" + order.citizenId() + "/orders";
    }

    @PostMapping("/standing-orders/{standingOrderId}/end")
    String endStanding(@PathVariable String standingOrderId, RedirectAttributes redirect) {
        StandingOrders.StandingOrder ended = standingOrders.end(FormValues.pathId(standingOrderId));
        redirect.addFlashAttribute("notice", "orders.standing.ended");
        return "redirect:/citizens/" + ended.citizenId() + "/orders";
    }

    /**
     * The caseworker's work list: orders awaiting approval and decisions owed. A citizen the
     * caseworker can no longer see (moved away a moment ago) is left out, never a 404 for all.
     */
    @GetMapping("/worklist")
    String worklist(Model model) {
        Map<UUID, String> names = new HashMap<>();
        Predicate<UUID> visible = citizen -> names.containsKey(citizen) || citizens.find(citizen, "worklist.read")
                .map(found -> names.put(citizen, found.name()) == null).orElse(false);
        List<Order> waiting = reads.awaitingApproval(new PageQuery(0, 100)).items().stream()
                .filter(order -> visible.test(order.citizenId())).toList();
        model.addAttribute("waiting", views(waiting));
        Map<UUID, ReadOrders.Consumption> grantLines = new HashMap<>();
        waiting.stream().map(Order::citizenId).distinct().forEach(citizen -> reads
                .consumptionOf(citizen, LocaleContextHolder.getLocale())
                .forEach(line -> grantLines.put(line.lineId(), line)));
        model.addAttribute("grantLines", grantLines);
        model.addAttribute("tasks", grants.openDecisions().stream()
                .filter(task -> visible.test(task.citizenId().value())).toList());
        model.addAttribute("names", names);
        return "orders/worklist";
    }

    @PostMapping("/orders/{orderId}/approve")
    String approve(@PathVariable String orderId, RedirectAttributes redirect) {
        decisions.approve(FormValues.pathId(orderId), null);
        redirect.addFlashAttribute("notice", "orders.approved");
        return "redirect:/worklist";
    }

    @PostMapping("/orders/{orderId}/reject")
    String reject(@PathVariable String orderId, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        try {
            decisions.reject(FormValues.pathId(orderId), reason);
            redirect.addFlashAttribute("notice", "orders.rejected");
        } catch (DomainException refused) {
            if (refused instanceof NotFoundException) {
                throw refused;
            }
            redirect.addFlashAttribute("rejectError", orderId);
        }
        return "redirect:/worklist";
    }

    /** The order page; its first read is the role-checked one, so a refused role has looked at nothing. */
    private String page(UUID citizenId, Model model) {
        List<Order> history = reads.ofCitizen(citizenId, new PageQuery(0, 20)).items();
        CitizenView citizen = reads.citizen(citizenId, "order.read");
        CurrentUser user = currentUsers.require();
        List<ReadOrders.Orderable> orderable = reads.orderable(citizenId, LocaleContextHolder.getLocale());
        model.addAttribute("citizen", citizen);
        model.addAttribute("self", user.has(Role.CITIZEN));
        model.addAttribute("mayOrder", user.hasAny(Role.CITIZEN, Role.FSC_AGENT)
                || (user.has(Role.MUNICIPAL_CASEWORKER) && citizen.municipalityCode().equals(user.municipalityCode())));
        model.addAttribute("orderable", orderable);
        model.addAttribute("cutSizes", reads.cutSizesByProduct(citizenId));
        model.addAttribute("history", views(history));
        List<UUID> orderIds = history.stream().map(Order::id).toList();
        model.addAttribute("orderPanels", orderPanels.orderedStream()
                .map(panel -> new PanelView(panel.template(), panel.fragment(), panel.models(orderIds))).toList());
        List<StandingOrders.StandingOrder> standing = standingOrders.ofCitizen(citizenId,
                LocaleContextHolder.getLocale()).stream().filter(order -> order.endedAt() == null).toList();
        Map<ProductId, String> productNames = new HashMap<>();
        assortment.products(standing.stream().flatMap(order -> order.lines().stream())
                .map(ConsumptionControl.Request::productId).toList())
                .forEach((productId, product) -> productNames.put(productId, product.name()));
        model.addAttribute("standing", standing);
        model.addAttribute("productNames", productNames);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("today", today());
        if (model.getAttribute("placedId") instanceof UUID placedId) {
            history.stream().filter(order -> order.id().equals(placedId)).findFirst()
                    .ifPresent(order -> model.addAttribute("placed", views(List.of(order)).getFirst()));
        }
        return "orders/orders";
    }

    private List<OrderView> views(List<Order> orders) {
        Set<ProductId> ids = new HashSet<>();
        orders.forEach(order -> order.lines().forEach(line -> ids.add(line.productId())));
        Map<ProductId, ProductView> products = assortment.products(ids);
        Locale locale = LocaleContextHolder.getLocale();
        return orders.stream().map(order -> new OrderView(order, order.lines().stream()
                .map(line -> new LineView(products.containsKey(line.productId())
                        ? products.get(line.productId()).name() : line.productId().toString(), line.quantity(),
                        line.holeDiameterMm(), line.outcome(), texts.reason(line.reason(), locale), line.grantLineId()))
                .toList(), order.status().cancellable())).toList();
    }

    /**
     * The API's line errors moved to the form's input they are about: {@code lines[2].holeDiameterMm} to the hole
     * size of the product in the form's third line, any other error of that line to its quantity.
     */
    private static Map<String, String> errorsByInput(Map<String, String> errors, List<String> products) {
        Map<String, String> byInput = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            String key = field;
            if (field.startsWith("lines[")) {
                int index = Integer.parseInt(field.substring(6, field.indexOf(']')));
                key = index >= products.size() ? "lines"
                        : (field.endsWith(".holeDiameterMm") ? "hole-" : "qty-") + products.get(index);
            }
            byInput.merge(key, message, (a, b) -> a + "; " + b);
        });
        return byInput;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
    }
}
