package dk.fsc.orders.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.Citizens;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns due standing orders into orders, each checked against the grants like any other.
 * Each standing order is claimed with {@code FOR UPDATE SKIP LOCKED} and run in its own
 * transaction that also moves its next run forward, so a job run twice, or on two instances
 * at once, creates every order exactly once.
 */
@Component
class StandingOrderRuns {

    private static final Logger log = LoggerFactory.getLogger(StandingOrderRuns.class);
    static final String ACTOR = "system:standing-orders";

    private final StandingOrders standingOrders;
    private final PlaceOrder placeOrder;
    private final Citizens citizens;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final Clock clock;

    StandingOrderRuns(StandingOrders standingOrders, PlaceOrder placeOrder, Citizens citizens,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.standingOrders = standingOrders;
        this.placeOrder = placeOrder;
        this.citizens = citizens;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    @Scheduled(cron = "${fsc.orders.standing-orders-cron:0 5 * * * *}", zone = "Europe/Copenhagen")
    void onSchedule() {
        runDue();
    }

    /** Runs every due standing order; returns how many orders it placed. For administrators on demand too. */
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public int runNow() {
        return runDue();
    }

    int runDue() {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ACTOR, null,
                AuthorityUtils.createAuthorityList("ROLE_FSC_AGENT")));
        SecurityContextHolder.setContext(system);
        try {
            LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
            int placed = 0;
            while (true) {
                Optional<Boolean> ran = transactions.execute(status -> standingOrders.claimDue(today)
                        .map(due -> run(due, today)));
                if (ran == null || ran.isEmpty()) {
                    return placed;
                }
                placed += ran.get() ? 1 : 0;
            }
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Places the order for the run that was due; a run the grants refuse is recorded and skipped. */
    private boolean run(StandingOrders.StandingOrder due, LocalDate today) {
        LocalDate next = due.nextRunOn();
        while (!next.isAfter(today)) {
            next = next.plusWeeks(due.everyWeeks());
        }
        UUID orderId = UUID.randomUUID();
        Optional<CitizenView> citizen = citizens.find(due.citizenId(), "order.standing");
        if (citizen.isEmpty()) {
            standingOrders.recordRun(due.id(), today, next, null, FieldError.of("citizenId", "orders.standing.citizenGone"));
            return false;
        }
        try {
            Order order = savepoints.execute(status -> placeOrder.placeChecked(orderId, citizen.get(),
                    due.lines(), Order.Channel.STANDING_ORDER, null, due.id(), ACTOR));
            standingOrders.recordRun(due.id(), today, next, order == null ? null : order.id(), null);
            return true;
        } catch (DomainException refused) {
            FieldError why = refused.errors().isEmpty() ? new FieldError("lines", refused.getMessage())
                    : refused.errors().getFirst();
            log.info("Standing order {} placed nothing on {}: {}", due.id(), today, why.message());
            standingOrders.recordRun(due.id(), today, next, null, why);
            return false;
        }
    }
}
