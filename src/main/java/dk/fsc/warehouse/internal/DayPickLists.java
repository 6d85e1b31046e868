package dk.fsc.warehouse.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A delivery day's pick lists: the orders still to pick that are due that day (or overdue),
 * one list per delivery route (orders whose postal code no route covers come last), each in
 * walking order of the locations so the picker walks the warehouse once per route. Each line
 * names its order, whose pick screen confirms the line by scan.
 */
@Service
class DayPickLists {

    /** One reserved lot of an order line at a location. */
    record Line(UUID orderId, String postalCode, String city, int line, UUID productId, String lot, LocalDate expiry,
            String locationCode, int walkingOrder, int quantity, int picked) {
    }

    /** A route's pick list; {@code routeId} and {@code routeName} are null for orders no route covers. */
    record RouteList(@Nullable UUID routeId, @Nullable String routeName, int orders, int units, List<Line> lines) {
    }

    record Day(LocalDate date, List<RouteList> routes, Map<ProductId, ProductView> products) {

        public String name(UUID productId) {
            ProductView product = products.get(new ProductId(productId));
            return product == null ? productId.toString() : product.name();
        }

        public int lineCount() {
            return routes.stream().mapToInt(route -> route.lines().size()).sum();
        }
    }

    private record RouteLine(@Nullable UUID routeId, Line line) {
    }

    private final JdbcClient jdbc;
    private final DeliveryRoutes routes;
    private final Assortment assortment;
    private final PdfDocuments documents;

    DayPickLists(JdbcClient jdbc, DeliveryRoutes routes, Assortment assortment, PdfDocuments documents) {
        this.jdbc = jdbc;
        this.routes = routes;
        this.assortment = assortment;
        this.documents = documents;
    }

    /** The day's pick lists as a PDF to print, a page per route. */
    static ResponseEntity<byte[]> pdf(DayPickLists lists, LocalDate date) {
        return PdfDocuments.inline(lists.printed(date), "pick-lists-" + date + ".pdf");
    }

    @Transactional(readOnly = true)
    byte[] printed(LocalDate date) {
        return documents.render("warehouse/pick-lists-pdf", Map.of("day", of(date)));
    }

    @Transactional(readOnly = true)
    Day of(LocalDate date) {
        Map<UUID, String> names = new LinkedHashMap<>();
        routes.all().forEach(route -> names.put(route.id(), route.name()));
        Map<@Nullable UUID, List<Line>> byRoute = new LinkedHashMap<>();
        jdbc.sql("select p.route_id, f.order_id, f.postal_code, f.city, r.line, r.product_id, r.lot, s.expiry,"
                + " r.location_code, l.walking_order, r.quantity, r.picked from warehouse.fulfilment f"
                + " join warehouse.reservation r on r.order_id = f.order_id"
                + " join warehouse.stock s on s.product_id = r.product_id and s.lot = r.lot"
                + " and s.location_code = r.location_code join warehouse.location l on l.code = r.location_code"
                + " left join warehouse.route_postal_code p on p.postal_code = f.postal_code"
                + " where f.status = 'TO_PICK' and f.delivery_date <= ?"
                + " order by l.walking_order, f.delivery_date, f.order_id, r.line, r.lot")
                .param(date)
                .query((rs, row) -> new RouteLine(rs.getObject("route_id", UUID.class), new Line(
                        rs.getObject("order_id", UUID.class), rs.getString("postal_code"), rs.getString("city"),
                        rs.getInt("line"), rs.getObject("product_id", UUID.class), rs.getString("lot"),
                        rs.getObject("expiry", LocalDate.class), rs.getString("location_code"),
                        rs.getInt("walking_order"), rs.getInt("quantity"), rs.getInt("picked"))))
                .stream().forEach(line -> byRoute.computeIfAbsent(line.routeId(), id -> new ArrayList<>())
                        .add(line.line()));
        List<RouteList> lists = byRoute.entrySet().stream()
                .map(entry -> list(entry.getKey(), entry.getKey() == null ? null : names.get(entry.getKey()),
                        entry.getValue()))
                .sorted(Comparator.comparing(RouteList::routeName, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<ProductId> products = lists.stream().flatMap(list -> list.lines().stream())
                .map(line -> new ProductId(line.productId())).distinct().toList();
        return new Day(date, lists, assortment.products(products));
    }

    private static RouteList list(@Nullable UUID routeId, @Nullable String name, List<Line> lines) {
        return new RouteList(routeId, name, (int) lines.stream().map(Line::orderId).distinct().count(),
                lines.stream().mapToInt(Line::quantity).sum(), List.copyOf(lines));
    }
}
