package dk.fsc.invoicing;

/**
 * What a charge, and an invoice line, is for: products, hole cutting, delivery, support minutes,
 * field service work orders, device lease days, storage, and shared costs allocated by a key.
 */
public enum ChargeKind {
    PRODUCT,
    HOLE_CUTTING,
    DELIVERY,
    SUPPORT,
    WORK_ORDER,
    DEVICE_LEASE,
    STORAGE,
    ALLOCATION
}
