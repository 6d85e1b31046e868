package dk.fsc.alarms.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.fsc.alarms.AlarmKind;

/**
 * What a dispenser reports, by its name on the wire ({@code dose_taken}, ...). Dose events name
 * the dose by its due time ({@code dueAt}). An unknown type is stored and reported, not refused.
 */
enum DeviceEventType {
    DOSE_DUE,
    DOSE_DISPENSED,
    DOSE_TAKEN,
    DOSE_MISSED,
    MANUAL_DISPENSE,
    DOSES_LOW,
    EMPTY,
    REFILL_DONE,
    LID_OPENED,
    TAMPER,
    LOW_BATTERY,
    POWER_LOST,
    OFFLINE,
    ONLINE,
    TRANSPORT_MODE,
    HEARTBEAT;

    private static final Map<String, DeviceEventType> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(DeviceEventType::wire, Function.identity()));

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the event is about one dose, named by its due time. */
    boolean aboutADose() {
        return this == DOSE_DUE || this == DOSE_DISPENSED || this == DOSE_TAKEN || this == DOSE_MISSED;
    }

    /** The technical alarm the event raises, if any. */
    Optional<AlarmKind> alarm() {
        return switch (this) {
            case EMPTY -> Optional.of(AlarmKind.EMPTY);
            case TAMPER -> Optional.of(AlarmKind.TAMPER);
            case POWER_LOST -> Optional.of(AlarmKind.POWER_LOST);
            default -> Optional.empty();
        };
    }

    static Optional<DeviceEventType> ofWire(String wire) {
        return Optional.ofNullable(BY_WIRE.get(wire));
    }
}
