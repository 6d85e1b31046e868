package dk.fsc.warehouse.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.warehouse.internal.CountTaskRepository.CountTask;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counting a lot at a location again after a picker found less there than the system believed: a
 * short pick makes a count task (once while one is open for the lot at the location), and the
 * counted quantity is booked as a stock adjustment (reason COUNT) of the difference to what is on
 * hand at the moment of the count.
 */
@Service
class CountTasks {

    static final String NO_TASK = "There is no count task with this id.";
    static final int MAX_COUNTED = 1_000_000;

    /** What was counted at the location. */
    record Count(@Nullable Integer counted) {
    }

    /** The open tasks with the products' names, as the pages show them. */
    record OpenTasks(List<CountTask> tasks, Map<ProductId, ProductView> products) {

        public String name(UUID productId) {
            ProductView product = products.get(new ProductId(productId));
            return product == null ? productId.toString() : product.name();
        }
    }

    private final CountTaskRepository tasks;
    private final StockRepository stock;
    private final StockKeeping stockKeeping;
    private final Assortment assortment;

    CountTasks(CountTaskRepository tasks, StockRepository stock, StockKeeping stockKeeping, Assortment assortment) {
        this.tasks = tasks;
        this.stock = stock;
        this.stockKeeping = stockKeeping;
        this.assortment = assortment;
    }

    /**
     * A short pick for {@code reason} at the row (as it is after the short pick): the lot at the
     * location is to be counted, unless a task for it is open already. Within the short pick's
     * transaction.
     */
    void afterShortPick(StockRepository.StockRow row, Picking.ShortReason reason, UUID orderId,
            StockRepository.Movement movement) {
        tasks.openUnlessOpen(row, reason, orderId, movement);
    }

    @Transactional(readOnly = true)
    List<CountTask> open() {
        return tasks.open();
    }

    @Transactional(readOnly = true)
    OpenTasks openWithNames() {
        List<CountTask> open = tasks.open();
        return new OpenTasks(open, assortment.products(open.stream().map(task -> new ProductId(task.productId()))
                .distinct().toList()));
    }

    /**
     * The lot at the location counted: the difference to what is on hand now is adjusted through
     * the stock keeping (reason COUNT, in the ledger), and the task is done with who, when, what was
     * counted and the difference. Fewer than are reserved there cannot be counted in: the orders
     * holding them must be short-picked first. A task counted already answers 409.
     */
    @Transactional
    CountTask count(UUID id, Count count) {
        CountTask task = tasks.findForUpdate(id).orElseThrow(() -> new NotFoundException(NO_TASK));
        if (task.status() == CountTaskRepository.Status.DONE) {
            throw new ConflictException("The count task is done already.",
                    List.of(FieldError.of("counted", "warehouse.error.count.done", task.counted())));
        }
        if (count.counted() == null || count.counted() < 0 || count.counted() > MAX_COUNTED) {
            throw new InvalidInputException("The count cannot be registered",
                    List.of(FieldError.of("counted", "warehouse.error.count.counted")));
        }
        StockRepository.StockRow row = stock.rowForUpdate(task.productId(), task.lot(), task.locationCode())
                .orElseThrow();
        if (count.counted() < row.reserved()) {
            throw new InvalidInputException("The count is below what is reserved",
                    List.of(FieldError.of("counted", "warehouse.error.count.belowReserved", row.reserved())));
        }
        int difference = count.counted() - row.onHand();
        if (difference != 0) {
            stockKeeping.adjust(new StockKeeping.Adjustment(task.productId(), task.lot(), task.locationCode(),
                    difference, StockKeeping.Reason.COUNT.name(), task.reason().name()));
        }
        StockRepository.Movement by = stockKeeping.movement("count", "count task");
        tasks.done(id, count.counted(), difference, by.at(), by.by());
        return tasks.find(id).orElseThrow();
    }
}
