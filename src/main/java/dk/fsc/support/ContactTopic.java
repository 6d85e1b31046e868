package dk.fsc.support;

/** What a contact with the one point of contact was about. */
public enum ContactTopic {
    ORDERING,
    DELIVERY,
    PRODUCT_QUESTION,
    DEVICE,
    ALARM,
    COMPLAINT,
    HEALTH_QUESTION,
    OTHER
}
