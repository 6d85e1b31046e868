package dk.fsc.orders.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.fsc.orders.DeliveryAddress;
import dk.fsc.jobs.Jobs;
import dk.fsc.orders.OrderStatus;
import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Orders", description = "Orders checked against grants (consumption control), approvals, standing orders")
class OrderController {

    private final PlaceOrder placeOrder;
    private final RepeatLastOrder repeatLastOrder;
    private final OrderDecisions decisions;
    private final ReadOrders reads;
    private final StandingOrders standingOrders;
    private final StandingOrderRuns standingOrderRuns;
    private final OrderTexts texts;

    OrderController(PlaceOrder placeOrder, RepeatLastOrder repeatLastOrder, OrderDecisions decisions,
            ReadOrders reads, StandingOrders standingOrders, StandingOrderRuns standingOrderRuns, OrderTexts texts) {
        this.placeOrder = placeOrder;
        this.repeatLastOrder = repeatLastOrder;
        this.decisions = decisions;
        this.reads = reads;
        this.standingOrders = standingOrders;
        this.standingOrderRuns = standingOrderRuns;
        this.texts = texts;
    }

    record LineBody(UUID productId, int quantity, @Nullable Integer holeDiameterMm, ConsumptionControl.Outcome outcome,
            @Nullable String reasonCode, @Nullable String reason, @Nullable UUID replacementProductId) {
    }

    /**
     * @param municipalityCode the citizen's municipality, whose caseworkers decide on the order
     * @param paidBy           who pays (during a move's transition, by default the municipality moved from)
     * @param rejectionReason  the caseworker's reason, when rejected, in the caseworker's words
     */
    record OrderBody(UUID id, UUID citizenId, String municipalityCode, String paidBy, OrderStatus status,
            Order.Channel channel, LocalDate orderDate, @Nullable LocalDate deliveryDate,
            DeliveryAddress deliveryAddress, @Nullable UUID standingOrderId, Instant placedAt, String placedBy,
            @Nullable String rejectionReason, List<LineBody> lines,
            @Nullable List<OrderRepository.StatusChange> history) {
    }

    @PostMapping("/orders")
    @Operation(summary = "Place an order; each line is checked against the citizen's grants. Send an Idempotency-Key"
            + " to make retries safe: the same key and body answer with the same order (200)")
    ResponseEntity<OrderBody> place(@RequestBody PlaceOrder.Command command,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        return placed(placeOrder.place(command, idempotencyKey));
    }

    @PostMapping("/citizens/{citizenId}/orders/repeat-last")
    @Operation(summary = "Order the citizen's last order again (replacements and remembered cut sizes applied)")
    ResponseEntity<OrderBody> repeatLast(@PathVariable UUID citizenId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        return placed(repeatLastOrder.repeat(citizenId, idempotencyKey));
    }

    private ResponseEntity<OrderBody> placed(PlaceOrder.Placed placed) {
        OrderBody body = body(placed.order(), null);
        return placed.replayed() ? ResponseEntity.ok(body)
                : ResponseEntity.created(URI.create("/api/v1/orders/" + body.id())).body(body);
    }

    @GetMapping("/orders/{orderId}")
    @Operation(summary = "One order with its status history")
    OrderBody order(@PathVariable UUID orderId) {
        ReadOrders.OrderDetails details = reads.order(orderId);
        return body(details.order(), details.history());
    }

    @GetMapping("/citizens/{citizenId}/orders")
    @Operation(summary = "The citizen's orders, newest first")
    Paged<OrderBody> ofCitizen(@PathVariable UUID citizenId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageQuery.DEFAULT_SIZE) int size) {
        return reads.ofCitizen(citizenId, new PageQuery(page, size)).map(order -> body(order, null));
    }

    @GetMapping("/orders/awaiting-approval")
    @Operation(summary = "The caseworker's work list: orders of their municipality awaiting approval, oldest first")
    Paged<OrderBody> awaitingApproval(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageQuery.DEFAULT_SIZE) int size) {
        return reads.awaitingApproval(new PageQuery(page, size)).map(order -> body(order, null));
    }

    record ReasonBody(@Nullable String reason) {
    }

    @PostMapping("/orders/{orderId}/approve")
    @Operation(summary = "Approve an order awaiting approval (caseworker of the citizen's municipality)")
    OrderBody approve(@PathVariable UUID orderId, @RequestBody(required = false) @Nullable ReasonBody body) {
        return body(decisions.approve(orderId, reason(body)), null);
    }

    @PostMapping("/orders/{orderId}/reject")
    @Operation(summary = "Reject an order awaiting approval, with a reason")
    OrderBody reject(@PathVariable UUID orderId, @RequestBody(required = false) @Nullable ReasonBody body) {
        return body(decisions.reject(orderId, reason(body)), null);
    }

    @PostMapping("/orders/{orderId}/cancel")
    @Operation(summary = "Cancel an order until picking starts")
    OrderBody cancel(@PathVariable UUID orderId, @RequestBody(required = false) @Nullable ReasonBody body) {
        return body(decisions.cancel(orderId, reason(body)), null);
    }

    @GetMapping("/citizens/{citizenId}/consumption")
    @Operation(summary = "Per grant line in force: the limit, this period's dates, used and remaining")
    List<ReadOrders.Consumption> consumption(@PathVariable UUID citizenId) {
        return reads.consumption(citizenId, Locale.ENGLISH);
    }

    @GetMapping("/citizens/{citizenId}/cut-sizes")
    @Operation(summary = "The hole sizes the citizen's plates were last cut to, and whether to measure again")
    List<ReadOrders.CutSize> cutSizes(@PathVariable UUID citizenId) {
        return reads.cutSizes(citizenId);
    }

    @PostMapping("/citizens/{citizenId}/standing-orders")
    @Operation(summary = "Set up a standing order: the lines every N weeks from firstRunOn")
    ResponseEntity<StandingOrders.StandingOrder> createStanding(@PathVariable UUID citizenId,
            @RequestBody StandingOrders.Command command) {
        StandingOrders.StandingOrder created = standingOrders.create(citizenId, command);
        return ResponseEntity.created(URI.create("/api/v1/standing-orders/" + created.id())).body(created);
    }

    @GetMapping("/citizens/{citizenId}/standing-orders")
    @Operation(summary = "The citizen's standing orders")
    List<StandingOrders.StandingOrder> standing(@PathVariable UUID citizenId) {
        return standingOrders.ofCitizen(citizenId, Locale.ENGLISH);
    }

    @PostMapping("/standing-orders/{standingOrderId}/end")
    @Operation(summary = "End a standing order")
    StandingOrders.StandingOrder endStanding(@PathVariable UUID standingOrderId) {
        return standingOrders.end(standingOrderId);
    }

    record RunBody(int runs, int failed) {
    }

    @PostMapping("/standing-orders/run")
    @Operation(summary = "Run due standing orders now (FSC_ADMIN); the scheduled job does the same every hour")
    RunBody runStanding() {
        Jobs.RunSummary summary = standingOrderRuns.runNow();
        return new RunBody(summary.itemsDone(), summary.itemsFailed());
    }

    private static @Nullable String reason(@Nullable ReasonBody body) {
        return body == null ? null : body.reason();
    }

    private OrderBody body(Order order, @Nullable List<OrderRepository.StatusChange> history) {
        return new OrderBody(order.id(), order.citizenId(), order.municipalityCode(), order.paidBy(), order.status(),
                order.channel(), order.orderDate(), order.deliveryDate(), order.delivery(), order.standingOrderId(),
                order.placedAt(), order.placedBy(), order.rejectionReason(), order.lines().stream()
                        .map(line -> new LineBody(line.productId().value(), line.quantity(), line.holeDiameterMm(),
                                line.outcome(),
                        line.reason() == null ? null : line.reason().code(),
                        texts.reason(line.reason(), Locale.ENGLISH),
                        line.replacement() == null ? null : line.replacement().value())).toList(),
                history);
    }
}
