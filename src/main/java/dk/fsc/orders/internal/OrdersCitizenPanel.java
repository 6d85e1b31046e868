package dk.fsc.orders.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.shared.web.CitizenPanel;
import dk.fsc.shared.web.PageQuery;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The orders' panel on the service center's whole-citizen view: each grant line in force with
 * what is left this period, the recent orders and where each is, and the standing orders. Read
 * through the module's own scoped, audited use cases.
 */
@Component
class OrdersCitizenPanel implements CitizenPanel {

    static final int RECENT = 10;

    private final ReadOrders reads;
    private final StandingOrders standingOrders;

    OrdersCitizenPanel(ReadOrders reads, StandingOrders standingOrders) {
        this.reads = reads;
        this.standingOrders = standingOrders;
    }

    @Override
    public String template() {
        return "orders/citizen-panel";
    }

    @Override
    public String fragment() {
        return "orders";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Map<String, Object>> model(UUID citizenId, boolean readOnly) {
        return Optional.of(Map.of("citizenId", citizenId,
                "consumption", reads.consumption(citizenId, LocaleContextHolder.getLocale()),
                "recent", reads.ofCitizen(citizenId, new PageQuery(0, RECENT)).items(),
                "standing", standingOrders.ofCitizen(citizenId, LocaleContextHolder.getLocale()).stream()
                        .filter(standing -> standing.endedAt() == null).toList(),
                "readOnly", readOnly));
    }
}
