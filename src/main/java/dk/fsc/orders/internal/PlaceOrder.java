package dk.fsc.orders.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.citizens.CitizenId;
import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.Citizens;
import dk.fsc.grants.GrantedLine;
import dk.fsc.grants.Grants;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.orders.DeliveryAddress;
import dk.fsc.orders.OrderStatus;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places an order: checks every line against the citizen's grants on the order date
 * ({@link ConsumptionControl}), under a per-citizen lock so that two orders placed at the
 * same moment cannot together exceed a limit. An {@code Idempotency-Key} makes a retry
 * return the first answer instead of ordering twice, once the caller is found to still see
 * the citizen (after a move the old municipality's caseworker gets 404, not the order).
 */
@Service
class PlaceOrder {

    static final String NO_CITIZEN = "No citizen with this id.";

    private final OrderRepository orders;
    private final Citizens citizens;
    private final Grants grants;
    private final Assortment assortment;
    private final OrderLines orderLines;
    private final CurrentUsers currentUsers;
    private final JdbcClient jdbc;
    private final OrderLifecycle lifecycle;
    private final Clock clock;

    PlaceOrder(OrderRepository orders, Citizens citizens, Grants grants, Assortment assortment, OrderLines orderLines,
            CurrentUsers currentUsers, JdbcClient jdbc, OrderLifecycle lifecycle, Clock clock) {
        this.orders = orders;
        this.citizens = citizens;
        this.grants = grants;
        this.assortment = assortment;
        this.orderLines = orderLines;
        this.currentUsers = currentUsers;
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    record Command(@Nullable UUID citizenId, @Nullable List<LineCommand> lines, @Nullable String channel,
            @Nullable LocalDate deliveryDate) {
    }

    record LineCommand(@Nullable UUID productId, @Nullable Long quantity, @Nullable Long holeDiameterMm) {
    }

    /** The order, and whether it was made by an earlier request with the same idempotency key. */
    record Placed(Order order, boolean replayed) {
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITIZEN', 'FSC_AGENT', 'MUNICIPAL_CASEWORKER')")
    public Placed place(Command command, @Nullable String idempotencyKey) {
        CurrentUser user = currentUsers.require();
        List<FieldError> errors = new ArrayList<>();
        if (command.citizenId() == null) {
            errors.add(FieldError.of("citizenId", "orders.error.citizen"));
        }
        Order.Channel channel = channel(command.channel(), user, errors);
        LocalDate today = today();
        if (command.deliveryDate() != null
                && (command.deliveryDate().isBefore(today) || command.deliveryDate().isAfter(today.plusYears(1)))) {
            errors.add(FieldError.of("deliveryDate", "orders.error.deliveryDate"));
        }
        List<ConsumptionControl.Request> requests = orderLines.check(command.lines(), errors);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            errors.add(FieldError.of("Idempotency-Key", "orders.error.idempotencyKey"));
        }
        check(errors);
        CitizenView citizen = citizens.find(command.citizenId(), "order.place")
                .orElseThrow(() -> new NotFoundException(NO_CITIZEN));
        UUID orderId = UUID.randomUUID();
        if (idempotencyKey != null) {
            Optional<UUID> earlier = claim(user.username(), idempotencyKey, hash(command, requests, channel), orderId);
            if (earlier.isPresent()) {
                return new Placed(orders.find(earlier.get()).orElseThrow(), true);
            }
        }
        return new Placed(placeChecked(orderId, citizen, requests, channel, command.deliveryDate(), null,
                user.username()), false);
    }

    /**
     * Places an order that was already validated (a standing order's run, a repeat of the last
     * order) for a citizen the caller may see.
     */
    Order placeChecked(UUID orderId, CitizenView citizen, List<ConsumptionControl.Request> requests,
            Order.Channel channel, @Nullable LocalDate deliveryDate, @Nullable UUID standingOrderId, String by) {
        orders.lockCitizen(citizen.id());
        LocalDate today = today();
        List<GrantedLine> lines = grants.inForce(new CitizenId(citizen.id()), today);
        Set<ProductId> ids = new HashSet<>();
        requests.forEach(request -> ids.add(request.productId()));
        lines.stream().map(GrantedLine::productId).filter(id -> id != null).forEach(ids::add);
        Map<ProductId, ProductView> products = assortment.products(ids);
        List<FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (!products.containsKey(requests.get(i).productId())) {
                unknown.add(FieldError.of("lines[" + i + "].productId", "orders.error.unknownProduct"));
            }
        }
        check(unknown);
        List<ConsumptionControl.Decision> decisions = ConsumptionControl.decide(requests, today, products, lines,
                id -> assortment.offeredInPlaceOf(id, today), orders.usedInPeriods(citizen.id(), lines, today));
        if (decisions.stream().allMatch(decision -> decision.outcome() == ConsumptionControl.Outcome.REJECTED)) {
            List<FieldError> refused = new ArrayList<>();
            for (int i = 0; i < decisions.size(); i++) {
                ConsumptionControl.Reason reason = decisions.get(i).reason();
                refused.add(FieldError.of("lines[" + i + "]", "orders.reason." + reason.code(), reason.args().toArray()));
            }
            throw new InvalidInputException("None of the lines can be ordered; nothing was saved.", refused);
        }
        boolean waits = decisions.stream().anyMatch(d -> d.outcome() == ConsumptionControl.Outcome.NEEDS_APPROVAL);
        List<Order.Line> orderLines = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            ConsumptionControl.Decision decision = decisions.get(i);
            ConsumptionControl.Request request = decision.request();
            orderLines.add(new Order.Line(i, request.productId(), request.quantity(), request.holeDiameterMm(),
                    decision.outcome(), decision.reason(), decision.replacement(),
                    decision.grantLine() == null ? null : decision.grantLine().lineId()));
        }
        Order order = new Order(orderId, citizen.id(), citizen.municipalityCode(), paidBy(citizen, decisions),
                waits ? OrderStatus.AWAITING_APPROVAL : OrderStatus.ACCEPTED, channel, today, deliveryDate,
                deliveryAddress(citizen, decisions), standingOrderId, clock.instant(), by, null,
                List.copyOf(orderLines));
        lifecycle.placed(order);
        return order;
    }

    /**
     * Who pays: the municipality the first granted line names (during a move's transition the
     * one the grants' rule names), else the citizen's.
     */
    private static String paidBy(CitizenView citizen, List<ConsumptionControl.Decision> decisions) {
        return decisions.stream().map(ConsumptionControl.Decision::grantLine).filter(line -> line != null)
                .findFirst().map(line -> line.paidBy().value()).orElse(citizen.municipalityCode());
    }

    /** The grant's delivery address when the first granted line's grant has one, else the citizen's home. */
    private static DeliveryAddress deliveryAddress(CitizenView citizen, List<ConsumptionControl.Decision> decisions) {
        return decisions.stream().map(ConsumptionControl.Decision::grantLine)
                .filter(line -> line != null && line.deliveryAddress() != null).findFirst()
                .map(line -> new DeliveryAddress(line.deliveryAddress().street(), line.deliveryAddress().postalCode(),
                        line.deliveryAddress().city()))
                .orElseGet(() -> new DeliveryAddress(citizen.address().street(), citizen.address().postalCode(),
                        citizen.address().city()));
    }

    /**
     * Claims the key for this request. Empty when it is new; the earlier order when the same
     * caller sent the same request with it before. A concurrent request with the same key
     * waits here until the first one commits or rolls back.
     */
    private Optional<UUID> claim(String owner, String key, byte[] hash, UUID orderId) {
        int claimed = jdbc.sql("insert into orders.idempotency_key (owner, key, request_hash, order_id, created_at)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(owner, key, hash, orderId, clock.instant().atOffset(ZoneOffset.UTC)).update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return jdbc.sql("select request_hash, order_id from orders.idempotency_key where owner = ? and key = ?")
                .params(owner, key)
                .query((rs, i) -> {
                    if (!MessageDigest.isEqual(rs.getBytes(1), hash)) {
                        throw new ConflictException("The Idempotency-Key was used before with another request.",
                                List.of(FieldError.of("Idempotency-Key", "orders.error.idempotencyReused")));
                    }
                    return rs.getObject(2, UUID.class);
                })
                .optional();
    }

    private static byte[] hash(Command command, List<ConsumptionControl.Request> requests, Order.Channel channel) {
        StringBuilder canonical = new StringBuilder().append(command.citizenId()).append('|').append(channel)
                .append('|').append(command.deliveryDate());
        requests.forEach(request -> canonical.append('|').append(request.productId()).append(':')
                .append(request.quantity()).append(':').append(request.holeDiameterMm()));
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The one rule for an order's channel: a citizen's own orders are always {@code WEB},
     * whatever was sent; staff say whether the order came by phone or on the web.
     */
    static Order.Channel channel(@Nullable String channel, CurrentUser user, List<FieldError> errors) {
        if (user.has(Role.CITIZEN)) {
            return Order.Channel.WEB;
        }
        String name = channel == null ? "" : channel.strip().toUpperCase(Locale.ROOT);
        if (!name.equals("WEB") && !name.equals("PHONE")) {
            errors.add(FieldError.of("channel", "orders.error.channel"));
            return Order.Channel.PHONE;
        }
        return Order.Channel.valueOf(name);
    }

    private static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The order breaks " + errors.size() + " rule(s); nothing was saved.",
                    errors);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
    }
}
