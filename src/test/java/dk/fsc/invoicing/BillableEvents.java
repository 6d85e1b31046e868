package dk.fsc.invoicing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.devices.WorkOrderCompleted;
import dk.fsc.devices.WorkOrderType;
import dk.fsc.reference.MunicipalityCode;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billable events the producing modules publish, published by a test as they would (in a
 * transaction, heard after its commit), and the wait until invoicing has charged them.
 */
public record BillableEvents(ApplicationEventPublisher events, TransactionTemplate transactions, JdbcClient jdbc) {

    public void publish(Object... published) {
        transactions.executeWithoutResult(status -> {
            for (Object event : published) {
                events.publishEvent(event);
            }
        });
    }

    public long charges(String causeId) {
        return jdbc.sql("select count(*) from invoicing.charge where cause_id = ?").param(causeId).query(Long.class)
                .single();
    }

    public void awaitCharges(String causeId, long count) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> charges(causeId) == count);
    }

    /** Noon of the day in Denmark. */
    public static Instant danishNoon(LocalDate day) {
        return day.atTime(12, 0).atZone(ZoneId.of("Europe/Copenhagen")).toInstant();
    }

    /** A completed work order charged; its id. */
    public String workOrder(String municipality, LocalDate day, WorkOrderType type, @Nullable CitizenId citizen,
            @Nullable String serial, int minutes) {
        UUID id = UUID.randomUUID();
        publish(new WorkOrderCompleted(id, type, citizen, new MunicipalityCode(municipality), serial, minutes, false,
                day, danishNoon(day), "technician"));
        awaitCharges(id.toString(), 1);
        return id.toString();
    }
}
