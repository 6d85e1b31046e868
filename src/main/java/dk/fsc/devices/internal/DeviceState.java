package dk.fsc.devices.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;

/**
 * A serialized device's lifecycle: {@code IN_STOCK → PREPARED → IN_TRANSIT → INSTALLED →
 * COLLECTED → CLEANING → IN_STOCK}; scrapped from stock, collection, cleaning or repair; to
 * repair from stock or cleaning, and back to stock. Nothing else.
 */
enum DeviceState {
    IN_STOCK,
    PREPARED,
    IN_TRANSIT,
    INSTALLED,
    COLLECTED,
    CLEANING,
    SCRAPPED,
    IN_REPAIR;

    private static final Map<DeviceState, Set<DeviceState>> NEXT = Map.of(
            IN_STOCK, EnumSet.of(PREPARED, SCRAPPED, IN_REPAIR),
            PREPARED, EnumSet.of(IN_TRANSIT, IN_STOCK),
            IN_TRANSIT, EnumSet.of(INSTALLED),
            INSTALLED, EnumSet.of(COLLECTED),
            COLLECTED, EnumSet.of(CLEANING, SCRAPPED),
            CLEANING, EnumSet.of(IN_STOCK, SCRAPPED, IN_REPAIR),
            SCRAPPED, EnumSet.noneOf(DeviceState.class),
            IN_REPAIR, EnumSet.of(IN_STOCK, SCRAPPED));

    Set<DeviceState> next() {
        return NEXT.get(this);
    }

    /** Refuses a transition the lifecycle does not allow, naming both states and what may follow. */
    void checkMayBecome(DeviceState to, String serial) {
        if (!NEXT.get(this).contains(to)) {
            throw new InvalidInputException("Invalid transition", List.of(FieldError.of("state",
                    "devices.error.transition", serial, name(), to.name(), NEXT.get(this).isEmpty() ? "-"
                            : String.join(", ", NEXT.get(this).stream().map(Enum::name).toList()))));
        }
    }
}
