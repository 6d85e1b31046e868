package dk.fsc.testing;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import dk.fsc.assortment.ProductId;
import dk.fsc.citizens.CitizenId;
import dk.fsc.devices.DeviceService;
import dk.fsc.devices.LeasePeriodStarted;
import dk.fsc.reference.MunicipalityCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Installed dispensers for tests: the devices module's lease start, published as it would publish it. */
public final class Dispensers {

    private Dispensers() {
    }

    /**
     * Publishes a {@link LeasePeriodStarted} for a new dispenser at the citizen from {@code on} and
     * waits until the alarms module's projection has it; returns the serial.
     */
    public static String install(ApplicationEventPublisher events, TransactionTemplate transactions, JdbcClient jdbc,
            String citizenId, String municipality, Set<DeviceService> services, LocalDate on) {
        String serial = "DISP-" + UUID.randomUUID().toString().substring(0, 8);
        transactions.executeWithoutResult(status -> events.publishEvent(new LeasePeriodStarted(UUID.randomUUID(),
                serial, new ProductId(UUID.randomUUID()), new CitizenId(UUID.fromString(citizenId)),
                new MunicipalityCode(municipality), services, on,
                on.atStartOfDay(ZoneOffset.UTC).toInstant())));
        for (int i = 0; i < 200; i++) {
            if (jdbc.sql("select count(*) from alarms.installed_device where serial = ?").param(serial)
                    .query(Long.class).single() > 0) {
                return serial;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The alarms module did not hear of " + serial + " within 10 s");
    }
}
