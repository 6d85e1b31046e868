package dk.fsc.orders.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dk.fsc.citizens.Citizens;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to an order after it was placed: the caseworker's approval or rejection,
 * cancellation before picking, and (until the warehouse module does it) fulfilment steps
 * by an administrator. The order row is locked, so a second approval finds it decided (409).
 */
@Service
class OrderDecisions {

    static final String NO_ORDER = "No order with this id.";

    private final OrderRepository orders;
    private final OrderLifecycle lifecycle;
    private final Citizens citizens;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    OrderDecisions(OrderRepository orders, OrderLifecycle lifecycle, Citizens citizens, CurrentUsers currentUsers,
            Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.citizens = citizens;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    public Order approve(UUID orderId, @Nullable String reason) {
        return decide(orderId, "order.approve", true, Order::approve, optional(reason));
    }

    @Transactional
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    public Order reject(UUID orderId, @Nullable String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new InvalidInputException("A rejection needs a reason.",
                    List.of(FieldError.of("reason", "orders.error.rejectReason")));
        }
        String why = reason.strip();
        return decide(orderId, "order.reject", true, order -> order.reject(why), why);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITIZEN', 'FSC_AGENT', 'MUNICIPAL_CASEWORKER')")
    public Order cancel(UUID orderId, @Nullable String reason) {
        return decide(orderId, "order.cancel", false, Order::cancel, optional(reason));
    }

    private Order decide(UUID orderId, String action, boolean caseworkerOfOrder, UnaryOperator<Order> step,
            @Nullable String reason) {
        CurrentUser user = currentUsers.require();
        Order order = orders.findForUpdate(orderId)
                .filter(found -> !caseworkerOfOrder || found.municipalityCode().equals(user.municipalityCode()))
                .filter(found -> citizens.find(found.citizenId(), action).isPresent())
                .orElseThrow(() -> new NotFoundException(NO_ORDER));
        return lifecycle.stepped(order, step.apply(order), clock.instant(), user.username(), reason);
    }

    private static @Nullable String optional(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (reason.strip().length() > 500) {
            throw new InvalidInputException("The reason is too long.",
                    List.of(FieldError.of("reason", "orders.error.reasonLength")));
        }
        return reason.strip();
    }
}
