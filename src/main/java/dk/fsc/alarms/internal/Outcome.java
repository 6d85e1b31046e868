package dk.fsc.alarms.internal;

/** How an alarm ended; a device fault asks the devices module for a repair. */
enum Outcome {
    TAKEN_LATE,
    VISITED_AND_GIVEN,
    NOT_AT_HOME,
    ADMITTED_TO_HOSPITAL,
    FALSE_ALARM,
    DEVICE_FAULT
}
