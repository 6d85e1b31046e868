package dk.fsc.orders.internal;

import java.util.Map;
import java.util.Optional;

import dk.fsc.grants.Grants;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.StartPagePanel;
import org.springframework.stereotype.Component;

/**
 * Start-page boxes: the caseworker sees how many orders and decisions wait on the work list;
 * a citizen is led straight to ordering.
 */
@Component
class OrderPanels implements StartPagePanel {

    private final ReadOrders reads;
    private final Grants grants;
    private final CurrentUsers currentUsers;

    OrderPanels(ReadOrders reads, Grants grants, CurrentUsers currentUsers) {
        this.reads = reads;
        this.grants = grants;
        this.currentUsers = currentUsers;
    }

    @Override
    public String template() {
        return "orders/panels";
    }

    @Override
    public String fragment() {
        return "orders";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Map<String, Object>> model() {
        Optional<CurrentUser> user = currentUsers.current();
        if (user.filter(found -> found.has(Role.MUNICIPAL_CASEWORKER)).isPresent()) {
            return Optional.of(Map.of("caseworker", true,
                    "waiting", reads.awaitingApproval(new PageQuery(0, 1)).totalElements(),
                    "decisions", grants.openDecisions().size()));
        }
        return user.filter(found -> found.has(Role.CITIZEN)).map(found -> Map.of("caseworker", false));
    }
}
