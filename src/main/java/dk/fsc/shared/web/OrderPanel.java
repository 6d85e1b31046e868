package dk.fsc.shared.web;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * A module's part of an order on the order pages of citizens, agents and caseworkers (the
 * warehouse's shipment, its tracking and the lots delivered), so that the orders module shows
 * it without depending on the module that knows it. The page has already decided that the
 * user may see these orders; the panel only adds what it knows of them.
 */
public interface OrderPanel {

    /** The template holding the fragment, e.g. {@code warehouse/order-panel}. */
    String template();

    /** The fragment's name; it reads its model as {@code panel}. */
    String fragment();

    /** Per order id, what the fragment shows of that order; orders it knows nothing of are left out. */
    Map<UUID, Map<String, Object>> models(Collection<UUID> orderIds);
}
