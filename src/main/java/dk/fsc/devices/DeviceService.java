package dk.fsc.devices;

/**
 * What a municipality adds to a device's basic service for one citizen: refill of medication,
 * training of the citizen, and alarm (reaction when medication is not taken on time).
 */
public enum DeviceService {
    REFILL,
    TRAINING,
    ALARM
}
