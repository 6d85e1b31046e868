package dk.fsc.statistics.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.Citizens;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.web.StartPagePanel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The caseworker's list of her municipality's citizens whose consumption drifted from their
 * grant ({@link ConsumptionDrift}), with the figures; the start page's work list box counts them.
 * Each citizen shown is read through the register (scoped and audited as {@code worklist.read}).
 */
@Controller
class Drifts implements StartPagePanel {

    record Drift(UUID citizenId, UUID lineId, UUID productId, String kind, int granted, String period,
            LocalDate firstPeriod, List<Integer> consumed, LocalDate computedOn) {
    }

    record Shown(Drift drift, String citizenName, String productName) {
    }

    private final JdbcClient jdbc;
    private final CurrentUsers currentUsers;
    private final Citizens citizens;
    private final Assortment assortment;

    Drifts(JdbcClient jdbc, CurrentUsers currentUsers, Citizens citizens, Assortment assortment) {
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.citizens = citizens;
        this.assortment = assortment;
    }

    @GetMapping("/api/v1/statistics/consumption-drift")
    @ResponseBody
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    @Transactional(readOnly = true)
    List<Drift> list() {
        String municipality = currentUsers.require().municipalityCode();
        return jdbc.sql("""
                select citizen_id, line_id, product_id, kind, granted, period, first_period, consumed, computed_on
                from statistics.consumption_drift where municipality = ? order by kind, citizen_id, line_id""")
                .param(municipality == null ? "" : municipality)
                .query((rs, n) -> new Drift(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getInt(5), rs.getString(6),
                        rs.getObject(7, LocalDate.class), List.of((Integer[]) rs.getArray(8).getArray()),
                        rs.getObject(9, LocalDate.class)))
                .list();
    }

    @GetMapping("/statistics/consumption-drift")
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    @Transactional
    String page(Model model) {
        List<Drift> drifts = list();
        Map<ProductId, ProductView> products = assortment.products(
                drifts.stream().map(d -> new ProductId(d.productId())).distinct().toList());
        model.addAttribute("drifts", drifts.stream().flatMap(d -> citizens.find(d.citizenId(), "worklist.read").stream()
                .map(CitizenView::name).map(name -> new Shown(d, name, products.containsKey(new ProductId(d.productId()))
                        ? products.get(new ProductId(d.productId())).name() : d.productId().toString()))).toList());
        return "statistics/consumption-drift";
    }

    @Override
    public String template() {
        return "statistics/panels";
    }

    @Override
    public String fragment() {
        return "drift-panel";
    }

    @Override
    public int order() {
        return 11;
    }

    @Override
    public Optional<Map<String, Object>> model() {
        return currentUsers.current().filter(user -> user.has(Role.MUNICIPAL_CASEWORKER) && user.municipalityCode() != null)
                .map(user -> Map.of("count", jdbc.sql("select count(*) from statistics.consumption_drift where municipality = ?")
                        .param(user.municipalityCode()).query(Long.class).single()));
    }
}
