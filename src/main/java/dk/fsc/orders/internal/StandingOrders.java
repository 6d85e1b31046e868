package dk.fsc.orders.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.assortment.ProductId;
import dk.fsc.citizens.CitizenView;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Standing orders: a citizen's repeating order, set by the citizen or on their behalf. */
@Service
class StandingOrders {

    static final String NO_STANDING_ORDER = "No standing order with this id.";

    private final JdbcClient jdbc;
    private final ReadOrders reads;
    private final OrderLines orderLines;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final Clock clock;

    StandingOrders(JdbcClient jdbc, ReadOrders reads, OrderLines orderLines, CurrentUsers currentUsers,
            MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.orderLines = orderLines;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.clock = clock;
    }

    record Command(@Nullable List<PlaceOrder.LineCommand> lines, @Nullable Integer everyWeeks,
            @Nullable LocalDate firstRunOn, @Nullable String channel) {
    }

    record StandingOrder(UUID id, UUID citizenId, int everyWeeks, LocalDate nextRunOn, String channel,
            Instant createdAt, String createdBy, @Nullable Instant endedAt, @Nullable LocalDate lastRunOn,
            @Nullable UUID lastOrderId, @Nullable String lastRefusal, List<ConsumptionControl.Request> lines) {
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITIZEN', 'FSC_AGENT', 'MUNICIPAL_CASEWORKER')")
    public StandingOrder create(UUID citizenId, Command command) {
        CurrentUser user = currentUsers.require();
        CitizenView citizen = reads.citizen(citizenId, "standing-order.create");
        List<FieldError> errors = new ArrayList<>();
        List<ConsumptionControl.Request> lines = orderLines.check(command.lines(), errors);
        if (command.everyWeeks() == null || command.everyWeeks() < 1 || command.everyWeeks() > 52) {
            errors.add(FieldError.of("everyWeeks", "orders.error.everyWeeks"));
        }
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        LocalDate first = command.firstRunOn() != null ? command.firstRunOn() : today;
        if (first.isBefore(today) || first.isAfter(today.plusYears(1))) {
            errors.add(FieldError.of("firstRunOn", "orders.error.firstRunOn"));
        }
        String channel = PlaceOrder.channel(command.channel(), user, errors).name();
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The standing order breaks " + errors.size() + " rule(s).", errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into orders.standing_order (id, citizen_id, every_weeks, next_run_on, channel, created_at,"
                + " created_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, citizen.id(), command.everyWeeks(), first, channel,
                        clock.instant().atOffset(ZoneOffset.UTC), user.username())
                .update();
        for (int i = 0; i < lines.size(); i++) {
            ConsumptionControl.Request line = lines.get(i);
            jdbc.sql("insert into orders.standing_order_line (standing_order_id, position, product_id, quantity,"
                    + " hole_diameter_mm) values (?, ?, ?, ?, ?)")
                    .params(id, i, line.productId().value(), line.quantity(), line.holeDiameterMm()).update();
        }
        return find(id, false).orElseThrow();
    }

    @Transactional
    @PreAuthorize(ReadOrders.READERS)
    public List<StandingOrder> ofCitizen(UUID citizenId, Locale locale) {
        reads.citizen(citizenId, "standing-order.read");
        return list("citizen_id = ?", citizenId, locale);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITIZEN', 'FSC_AGENT', 'MUNICIPAL_CASEWORKER')")
    public StandingOrder end(UUID standingOrderId) {
        CurrentUser user = currentUsers.require();
        StandingOrder standing = find(standingOrderId, true)
                .orElseThrow(() -> new NotFoundException(NO_STANDING_ORDER));
        reads.citizen(standing.citizenId(), "standing-order.end");
        if (standing.endedAt() != null) {
            throw new ConflictException("The standing order has already ended.");
        }
        jdbc.sql("update orders.standing_order set ended_at = ?, ended_by = ? where id = ?")
                .params(clock.instant().atOffset(ZoneOffset.UTC), user.username(), standingOrderId).update();
        return find(standingOrderId, false).orElseThrow();
    }

    Optional<StandingOrder> find(UUID id, boolean forUpdate) {
        List<StandingOrder> found = list("id = ?" + (forUpdate ? " for update" : ""), id, Locale.ENGLISH);
        return found.stream().findFirst();
    }

    /** The due standing orders no other instance is working on, locked until the transaction ends. */
    List<StandingOrder> claimDue(LocalDate today) {
        return list("ended_at is null and next_run_on <= ? order by next_run_on, id for update skip locked", today,
                Locale.ENGLISH);
    }

    void moveNextRun(UUID id, LocalDate nextRunOn) {
        jdbc.sql("update orders.standing_order set next_run_on = ? where id = ?").params(nextRunOn, id).update();
    }

    /**
     * @param ranOn   the date the run was due
     * @param refusal why the run placed nothing: a message key of the bundles and its arguments
     */
    void recordRun(UUID id, LocalDate ranOn, @Nullable UUID orderId, @Nullable FieldError refusal) {
        jdbc.sql("update orders.standing_order set last_run_on = ?, last_order_id = ?, last_refusal_key = ?,"
                + " last_refusal_args = ? where id = ?")
                .params(ranOn, orderId, refusal == null ? null : refusal.message(),
                        refusal == null ? null : refusal.arguments().stream().map(String::valueOf).toArray(String[]::new),
                        id)
                .update();
    }

    /** @param locale the language of each standing order's {@code lastRefusal} */
    private @Nullable String refusal(ResultSet rs, Locale locale) throws SQLException {
        String key = rs.getString("last_refusal_key");
        if (key == null) {
            return null;
        }
        Array args = rs.getArray("last_refusal_args");
        Object[] arguments = args == null ? new Object[0] : (Object[]) args.getArray();
        return new FieldError("lines", key, List.of(arguments)).worded(messages, locale).message();
    }

    private List<StandingOrder> list(String where, Object param, Locale locale) {
        List<StandingOrder> orders = jdbc.sql("select id, citizen_id, every_weeks, next_run_on, channel, created_at,"
                + " created_by, ended_at, last_run_on, last_order_id, last_refusal_key, last_refusal_args"
                + " from orders.standing_order where " + where).param(param)
                .query((rs, i) -> new StandingOrder(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getInt(3), rs.getObject(4, LocalDate.class), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class) == null ? null
                                : rs.getObject(8, OffsetDateTime.class).toInstant(),
                        rs.getObject(9, LocalDate.class), rs.getObject(10, UUID.class), refusal(rs, locale), List.of()))
                .list();
        if (orders.isEmpty()) {
            return orders;
        }
        Map<UUID, List<ConsumptionControl.Request>> lines = new LinkedHashMap<>();
        orders.forEach(order -> lines.put(order.id(), new ArrayList<>()));
        jdbc.sql("select standing_order_id, product_id, quantity, hole_diameter_mm from orders.standing_order_line"
                + " where standing_order_id = any(?) order by standing_order_id, position")
                .param(orders.stream().map(StandingOrder::id).toArray(UUID[]::new))
                .query(rs -> {
                    lines.get(rs.getObject(1, UUID.class)).add(new ConsumptionControl.Request(
                            new ProductId(rs.getObject(2, UUID.class)), rs.getInt(3), rs.getObject(4, Integer.class)));
                });
        return orders.stream().map(order -> new StandingOrder(order.id(), order.citizenId(), order.everyWeeks(),
                order.nextRunOn(), order.channel(), order.createdAt(), order.createdBy(), order.endedAt(),
                order.lastRunOn(), order.lastOrderId(), order.lastRefusal(), List.copyOf(lines.get(order.id()))))
                .toList();
    }
}
