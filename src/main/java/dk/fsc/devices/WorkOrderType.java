package dk.fsc.devices;

/**
 * The kinds of field and workshop work on a device. Each maps to a service rate kind of the
 * assortment ({@link #rateKind()}), at which its hours are invoiced.
 */
public enum WorkOrderType {
    PREPARE("SERVICE"),
    SETUP("SETUP"),
    TAKEDOWN("TAKEDOWN"),
    TRAINING("SERVICE"),
    REFILL("SERVICE"),
    ON_SITE_SUPPORT("ON_SITE_SUPPORT"),
    REPAIR("SERVICE"),
    SERVICE("SERVICE"),
    CLEANING("SERVICE");

    private final String rateKind;

    WorkOrderType(String rateKind) {
        this.rateKind = rateKind;
    }

    /** The assortment's service rate kind (code) its minutes are billed at. */
    public String rateKind() {
        return rateKind;
    }
}
