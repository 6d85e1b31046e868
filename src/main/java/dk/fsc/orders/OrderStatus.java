package dk.fsc.orders;

/**
 * Where an order is: {@code AWAITING_APPROVAL → ACCEPTED → PICKING → SHIPPED → DELIVERED},
 * or {@code REJECTED} by the caseworker, or {@code CANCELLED} before picking started, or
 * {@code STOPPED} after shipping, when the warehouse stopped the shipment (a recall of a lot in it).
 */
public enum OrderStatus {
    AWAITING_APPROVAL, ACCEPTED, PICKING, SHIPPED, DELIVERED, REJECTED, CANCELLED, STOPPED;

    /** Whether the order still counts against the citizen's limits. */
    public boolean counts() {
        return this != REJECTED && this != CANCELLED;
    }

    public boolean cancellable() {
        return this == AWAITING_APPROVAL || this == ACCEPTED;
    }

    /** The next step of fulfilment, for the states that have one. */
    public OrderStatus next() {
        return switch (this) {
            case ACCEPTED -> PICKING;
            case PICKING -> SHIPPED;
            case SHIPPED -> DELIVERED;
            default -> throw new IllegalStateException(this + " has no next fulfilment step");
        };
    }

    public boolean advanceable() {
        return this == ACCEPTED || this == PICKING || this == SHIPPED;
    }
}
