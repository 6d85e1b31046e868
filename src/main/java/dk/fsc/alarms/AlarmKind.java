package dk.fsc.alarms;

/** Why an alarm was raised: a dose not taken, a silent device, or a device's technical fault. */
public enum AlarmKind {
    MISSED_DOSE,
    OFFLINE,
    EMPTY,
    TAMPER,
    POWER_LOST
}
