package dk.fsc.devices;

import java.util.Set;

/**
 * The steps of the needs assessment (trinmodel), least intrusive first: the recommendation is
 * the first step that a rule lets fit the citizen's answers. Texts: {@code devices.level.<name>}.
 */
public enum NeedLevel {
    SELF_MANAGED,
    SIMPLE_REMINDER,
    DISPENSER,
    DISPENSER_WITH_REFILL,
    DISPENSER_WITH_ALARM;

    /** Whether the step is served by a leased dispenser (the first two are not). */
    public boolean needsDevice() {
        return ordinal() >= DISPENSER.ordinal();
    }

    /** The services the step adds to the dispenser's basic service. */
    public Set<DeviceService> services() {
        return switch (this) {
            case DISPENSER_WITH_REFILL -> Set.of(DeviceService.REFILL);
            case DISPENSER_WITH_ALARM -> Set.of(DeviceService.ALARM);
            default -> Set.of();
        };
    }
}
