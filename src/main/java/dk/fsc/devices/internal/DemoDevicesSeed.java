package dk.fsc.devices.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

import dk.fsc.shared.seed.Seed;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo devices and technicians: five of each dispenser model and three of each telehealth kit in
 * stock (serials {@code DT-<model number>-<n>}, bought in 2025), and four technicians; the demo
 * user {@code technician} is Tina Thomsen of Aarhus. The rules' first version is written too.
 */
@Component
@Profile("demo")
class DemoDevicesSeed implements Seed {

    private final DeviceRegister devices;
    private final Technicians technicians;
    private final RuleBook ruleBook;

    DemoDevicesSeed(DeviceRegister devices, Technicians technicians, RuleBook ruleBook) {
        this.devices = devices;
        this.technicians = technicians;
        this.ruleBook = ruleBook;
    }

    @Override
    public String name() {
        return "devices/demo-devices";
    }

    @Override
    public int order() {
        return 330;
    }

    @Override
    public void apply() {
        ruleBook.current();
        technicians.add(new Technicians.Technician(UUID.fromString("d0000000-0000-4000-8000-000000000001"),
                "Tina Thomsen", "technician", "8000", LocalTime.of(7, 30), LocalTime.of(15, 30),
                Set.of("DISPENSER", "TELEHEALTH", "REFILL", "REPAIR")));
        technicians.add(new Technicians.Technician(UUID.fromString("d0000000-0000-4000-8000-000000000002"),
                "Karsten Kjær", null, "8900", LocalTime.of(8, 0), LocalTime.of(16, 0), Set.of("DISPENSER", "REFILL")));
        technicians.add(new Technicians.Technician(UUID.fromString("d0000000-0000-4000-8000-000000000003"),
                "Hanne Holm", null, "7400", LocalTime.of(8, 0), LocalTime.of(16, 0),
                Set.of("DISPENSER", "TELEHEALTH", "REPAIR")));
        technicians.add(new Technicians.Technician(UUID.fromString("d0000000-0000-4000-8000-000000000004"),
                "Per Poulsen", null, "8700", LocalTime.of(7, 0), LocalTime.of(15, 0), Set.of("DISPENSER", "REFILL")));
        for (int model : new int[] { 40, 41, 42, 43, 44, 50, 51 }) {
            UUID id = UUID.fromString(String.format("b0000000-0000-4000-8000-%012d", model));
            for (int n = 1; n <= (model >= 50 ? 3 : 5); n++) {
                devices.register(String.format("DT-%d-%03d", model, n), id, model >= 50 ? "TeleCare A/S" : "DoseTech ApS",
                        LocalDate.of(2025, 1 + n, 1), "system:demo-seed");
            }
        }
    }
}
