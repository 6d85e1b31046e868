package dk.fsc.devices.internal;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.CitizensForSystem;
import dk.fsc.devices.DeviceService;
import dk.fsc.shared.seed.Seed;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's installed dispenser: {@link #SERIAL}, the DoseTech Connect whose doses and alarms the
 * alarms module's demo shows, installed at the demo citizen Birthe Sørensen of Aarhus four weeks
 * ago with the alarm and refill services. It runs after the alarms demo, so the lease it publishes
 * reaches the alarms module's device as an update (and invoicing as a lease to bill).
 */
@Component
@Profile("demo")
class DemoInstalledDispenserSeed implements Seed {

    static final String SERIAL = "DEMO-DISP-751";
    static final UUID BIRTHE = UUID.fromString("a0000000-0000-4000-8000-000000000751");
    static final UUID DOSETECH_CONNECT = UUID.fromString("b0000000-0000-4000-8000-000000000042");
    static final String BY = "system:demo-seed";

    private final DeviceRegister devices;
    private final CitizensForSystem citizens;

    DemoInstalledDispenserSeed(DeviceRegister devices, CitizensForSystem citizens) {
        this.devices = devices;
        this.citizens = citizens;
    }

    @Override
    public String name() {
        return "devices/demo-installed-dispenser";
    }

    @Override
    public int order() {
        return 430;
    }

    @Override
    public void apply() {
        CitizenView birthe = citizens.find(WorkChains.JOB, BIRTHE, WorkChains.AUDIT_ACTION).orElseThrow();
        LocalDate installed = devices.today().minusWeeks(4);
        devices.register(SERIAL, DOSETECH_CONNECT, "DoseTech ApS", installed.minusMonths(2), BY);
        for (DeviceState state : new DeviceState[] { DeviceState.PREPARED, DeviceState.IN_TRANSIT,
                DeviceState.INSTALLED }) {
            devices.move(SERIAL, state, BY, BIRTHE, null, null);
        }
        devices.startLease(devices.require(SERIAL), BIRTHE, birthe.municipalityCode(), null,
                Set.of(DeviceService.ALARM, DeviceService.REFILL), installed);
    }
}
