package dk.fsc.orders.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.CitizensForSystem;
import dk.fsc.identity.SystemJob;
import dk.fsc.jobs.Job;
import dk.fsc.jobs.JobQueue;
import dk.fsc.jobs.Jobs;
import dk.fsc.jobs.Tick;
import dk.fsc.jobs.WorkItem;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns due standing orders into orders, each checked against the grants like any other, as
 * the job {@code standing-orders}. Its scheduled run queues one item per standing order and
 * due date (every date missed while the platform was down included) and moves the standing
 * order's next run past today; each item places one order in a transaction of its own, so
 * one that fails is retried with backoff without holding up the others, and the item's key
 * makes each date's order happen once however many instances run.
 */
@Component
class StandingOrderRuns implements Job {

    private static final Logger log = LoggerFactory.getLogger(StandingOrderRuns.class);
    static final SystemJob JOB = new SystemJob("standing-orders");

    private final StandingOrders standingOrders;
    private final PlaceOrder placeOrder;
    private final CitizensForSystem citizens;
    private final JobQueue queue;
    private final Jobs jobs;
    private final TransactionTemplate savepoints;
    private final String schedule;

    StandingOrderRuns(StandingOrders standingOrders, PlaceOrder placeOrder, CitizensForSystem citizens,
            JobQueue queue, Jobs jobs, PlatformTransactionManager transactionManager,
            @Value("${fsc.orders.standing-orders-cron:0 5 * * * *}") String schedule) {
        this.standingOrders = standingOrders;
        this.placeOrder = placeOrder;
        this.citizens = citizens;
        this.queue = queue;
        this.jobs = jobs;
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.schedule = schedule;
    }

    @Override
    public String name() {
        return JOB.name();
    }

    @Override
    public String schedule() {
        return schedule;
    }

    /** Queues a run for every due date of every due standing order, and moves each past today. */
    @Override
    public void run(Tick tick) {
        LocalDate today = LocalDate.ofInstant(tick.now(), TimeConfiguration.DANISH_TIME);
        for (StandingOrders.StandingOrder due : standingOrders.claimDue(today)) {
            LocalDate runOn = due.nextRunOn();
            while (!runOn.isAfter(today)) {
                String key = due.id() + "/" + runOn;
                queue.enqueue(JOB.name(), key, key);
                runOn = runOn.plusWeeks(due.everyWeeks());
            }
            standingOrders.moveNextRun(due.id(), runOn);
        }
    }

    /** Places the order of one run; a run the grants refuse is recorded on the standing order. */
    @Override
    public void handle(WorkItem item) {
        String[] run = item.payload().split("/", 2);
        UUID id = UUID.fromString(run[0]);
        LocalDate runOn = LocalDate.parse(run[1]);
        Optional<StandingOrders.StandingOrder> standing = standingOrders.find(id, true);
        if (standing.isEmpty() || standing.get().endedAt() != null) {
            return;
        }
        Optional<CitizenView> citizen = citizens.find(JOB, standing.get().citizenId(), "order.standing");
        if (citizen.isEmpty()) {
            standingOrders.recordRun(id, runOn, null, FieldError.of("citizenId", "orders.standing.citizenGone"));
            return;
        }
        try {
            Order order = savepoints.execute(status -> placeOrder.placeChecked(UUID.randomUUID(), citizen.get(),
                    standing.get().lines(), Order.Channel.STANDING_ORDER, null, id, JOB.actor()));
            standingOrders.recordRun(id, runOn, order == null ? null : order.id(), null);
        } catch (DomainException refused) {
            FieldError why = refused.errors().isEmpty() ? new FieldError("lines", refused.getMessage())
                    : refused.errors().getFirst();
            log.info("Standing order {} placed nothing for {}: {}", id, runOn, why.message());
            standingOrders.recordRun(id, runOn, null, why);
        }
    }

    /** Runs the job now (for administrators) and handles the due runs; returns what it did. */
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Jobs.RunSummary runNow() {
        return jobs.runNow(JOB.name());
    }
}
