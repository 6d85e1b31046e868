package dk.fsc.orders.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductArea;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.citizens.CitizenId;
import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.Citizens;
import dk.fsc.grants.GrantedLine;
import dk.fsc.grants.Grants;
import dk.fsc.grants.LimitPeriod;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of orders, consumption and cut sizes, for the people who may see the citizen (the
 * citizens module decides) in the roles that work with orders. Each read is audited.
 */
@Service
class ReadOrders {

    static final String READERS = "hasAnyRole('FSC_ADMIN', 'FSC_AGENT', 'MUNICIPAL_CASEWORKER', 'MUNICIPAL_HOMECARE',"
            + " 'NURSE', 'CITIZEN')";

    private final OrderRepository orders;
    private final Citizens citizens;
    private final Grants grants;
    private final Assortment assortment;
    private final CurrentUsers currentUsers;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration remeasureAfter;

    ReadOrders(OrderRepository orders, Citizens citizens, Grants grants, Assortment assortment,
            CurrentUsers currentUsers, JdbcClient jdbc, Clock clock,
            @Value("${fsc.orders.remeasure-cut-size-after:P180D}") Duration remeasureAfter) {
        this.orders = orders;
        this.citizens = citizens;
        this.grants = grants;
        this.assortment = assortment;
        this.currentUsers = currentUsers;
        this.jdbc = jdbc;
        this.clock = clock;
        this.remeasureAfter = remeasureAfter;
    }

    record OrderDetails(Order order, List<OrderRepository.StatusChange> history) {
    }

    @Transactional
    @PreAuthorize(READERS)
    public OrderDetails order(UUID orderId) {
        Order order = orders.find(orderId).filter(found -> citizens.find(found.citizenId(), "order.read").isPresent())
                .orElseThrow(() -> new NotFoundException(OrderDecisions.NO_ORDER));
        return new OrderDetails(order, orders.history(orderId));
    }

    @Transactional
    @PreAuthorize(READERS)
    public Paged<Order> ofCitizen(UUID citizenId, PageQuery page) {
        citizen(citizenId, "order.read");
        return orders.ofCitizen(citizenId, page);
    }

    /** The caseworker's work list: orders of their municipality awaiting approval, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    public Paged<Order> awaitingApproval(PageQuery page) {
        return orders.awaitingApproval(currentUsers.require().municipalityCode(), page);
    }

    /**
     * One grant line in force today: its limit, the current period, what is used and what remains.
     *
     * @param coverage what the line covers in words: the product's, group's or area's name
     */
    record Consumption(UUID grantId, UUID lineId, @Nullable ProductId productId, @Nullable String area,
            @Nullable String group, String coverage, int quantity, LimitPeriod period, LocalDate periodFrom,
            LocalDate periodTo, int used, int remaining) {
    }

    @Transactional
    @PreAuthorize(READERS)
    public List<Consumption> consumption(UUID citizenId, Locale locale) {
        citizen(citizenId, "order.consumption");
        return consumptionOf(citizenId, locale);
    }

    /** @param locale the language of each line's {@code coverage}: the product's, group's or area's name */
    List<Consumption> consumptionOf(UUID citizenId, Locale locale) {
        LocalDate today = today();
        List<GrantedLine> lines = grants.inForce(new CitizenId(citizenId), today);
        Map<UUID, Integer> used = orders.usedInPeriods(citizenId, lines, today);
        Map<ProductId, ProductView> products = assortment.products(
                lines.stream().map(GrantedLine::productId).filter(id -> id != null).toList());
        Map<String, String> names = new HashMap<>();
        for (ProductArea area : assortment.areas()) {
            names.put(area.code(), area.name(locale));
            area.groups().forEach(group -> names.put(group.code(), group.name(locale)));
        }
        return lines.stream().map(line -> {
            LimitPeriod.Range range = line.period().containing(today);
            int usedNow = used.getOrDefault(line.lineId(), 0);
            ProductView product = line.productId() == null ? null : products.get(line.productId());
            String code = line.groupCode() != null ? line.groupCode() : line.areaCode();
            String coverage = product != null ? product.name() : names.getOrDefault(code, String.valueOf(code));
            return new Consumption(line.grantId().value(), line.lineId(), line.productId(), line.areaCode(), line.groupCode(),
                    coverage, line.quantity(), line.period(), range.from(), range.to(),
                    usedNow, Math.max(0, line.quantity() - usedNow));
        }).toList();
    }

    /**
     * What the citizen may order today, grouped by the grant line that covers it: the named
     * products (or what replaced them), and the active products of granted groups and areas.
     */
    record Orderable(Consumption line, List<ProductView> products) {
    }

    List<Orderable> orderable(UUID citizenId, Locale locale) {
        LocalDate today = today();
        List<Orderable> orderable = new ArrayList<>();
        for (Consumption line : consumptionOf(citizenId, locale)) {
            List<ProductView> products;
            if (line.productId() != null) {
                products = assortment.offeredInPlaceOf(line.productId(), today).map(List::of).orElse(List.of());
            } else if (line.group() != null) {
                products = assortment.activeInGroup(line.group(), today);
            } else {
                products = assortment.activeInArea(line.area(), today);
            }
            orderable.add(new Orderable(line, products));
        }
        return orderable;
    }

    /** A hole size the citizen's plate was last cut to, and whether it is time to measure again. */
    record CutSize(ProductId productId, int diameterMm, Instant measuredAt, boolean remeasure) {
    }

    @Transactional
    @PreAuthorize(READERS)
    public List<CutSize> cutSizes(UUID citizenId) {
        citizen(citizenId, "order.cut-sizes");
        return cutSizesOf(citizenId);
    }

    Map<ProductId, CutSize> cutSizesByProduct(UUID citizenId) {
        Map<ProductId, CutSize> sizes = new LinkedHashMap<>();
        cutSizesOf(citizenId).forEach(size -> sizes.put(size.productId(), size));
        return sizes;
    }

    private List<CutSize> cutSizesOf(UUID citizenId) {
        Instant remeasureBefore = clock.instant().minus(remeasureAfter);
        return jdbc.sql("select product_id, diameter_mm, measured_at from orders.cut_size where citizen_id = ?"
                + " order by measured_at desc").param(citizenId)
                .query((rs, i) -> {
                    Instant measured = rs.getObject(3, OffsetDateTime.class).toInstant();
                    return new CutSize(new ProductId(rs.getObject(1, UUID.class)), rs.getInt(2), measured,
                            measured.isBefore(remeasureBefore));
                })
                .list();
    }

    CitizenView citizen(UUID citizenId, String action) {
        return citizens.find(citizenId, action).orElseThrow(() -> new NotFoundException(PlaceOrder.NO_CITIZEN));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
    }
}
