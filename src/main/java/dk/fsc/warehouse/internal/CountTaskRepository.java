package dk.fsc.warehouse.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stock count tasks: a lot at a location to count, at most one open per product, lot and location. */
@Repository
class CountTaskRepository {

    enum Status {
        OPEN, DONE
    }

    /** A lot at a location to count; {@code expected} is what the system believed when the task was made. */
    record CountTask(UUID id, UUID productId, String lot, String locationCode, int expected,
            Picking.ShortReason reason, UUID orderId, Status status, Instant createdAt, String createdBy,
            @Nullable Integer counted, @Nullable Integer difference, @Nullable Instant countedAt,
            @Nullable String countedBy) {
    }

    private static final String TASK = "id, product_id, lot, location_code, expected, reason, order_id, status,"
            + " created_at, created_by, counted, difference, counted_at, counted_by";

    private final JdbcClient jdbc;

    CountTaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An open task for the row, unless one is open for it already (then nothing changes). */
    void openUnlessOpen(StockRepository.StockRow row, Picking.ShortReason reason, UUID orderId,
            StockRepository.Movement movement) {
        jdbc.sql("insert into warehouse.count_task (id, product_id, lot, location_code, expected, reason, order_id,"
                + " status, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)"
                + " on conflict (product_id, lot, location_code) where status = 'OPEN' do nothing")
                .params(UUID.randomUUID(), row.productId(), row.lot(), row.locationCode(), row.onHand(), reason.name(),
                        orderId, Timestamp.from(movement.at()), movement.by())
                .update();
    }

    /** The open tasks, oldest first. */
    List<CountTask> open() {
        return jdbc.sql("select " + TASK + " from warehouse.count_task where status = 'OPEN' order by created_at, id")
                .query(CountTask.class).list();
    }

    Optional<CountTask> find(UUID id) {
        return jdbc.sql("select " + TASK + " from warehouse.count_task where id = ?").param(id)
                .query(CountTask.class).optional();
    }

    Optional<CountTask> findForUpdate(UUID id) {
        return jdbc.sql("select " + TASK + " from warehouse.count_task where id = ? for update").param(id)
                .query(CountTask.class).optional();
    }

    void done(UUID id, int counted, int difference, Instant at, String by) {
        jdbc.sql("update warehouse.count_task set status = 'DONE', counted = ?, difference = ?, counted_at = ?,"
                + " counted_by = ? where id = ?").params(counted, difference, Timestamp.from(at), by, id).update();
    }
}
