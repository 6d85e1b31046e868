package dk.fsc.statistics.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.devices.WorkOrderCompleted;
import dk.fsc.grants.GrantEnded;
import dk.fsc.grants.GrantMade;
import dk.fsc.orders.OrderDelivered;
import dk.fsc.orders.OrderLine;
import dk.fsc.orders.OrderPlaced;
import dk.fsc.orders.OrderStatusChanged;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.support.ContactRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the statistics' own projections from the other modules' events. Every write is keyed
 * by the id of what caused it and leaves a row as it is when the event was heard before, so a
 * redelivered event changes nothing; a status heard out of order never moves a delivered order back.
 * A fact that is new (or a contact's newer revision) adds its lines of {@code statistics.fact_figure}
 * to the monthly pre-aggregates in the same transaction, so those are counted exactly once too.
 */
@Component
class Projections {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Assortment assortment;
    private final MonthlyFigures figures;

    Projections(JdbcClient jdbc, Clock clock, Assortment assortment, MonthlyFigures figures) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.assortment = assortment;
        this.figures = figures;
    }

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        int inserted = jdbc.sql("""
                insert into statistics.order_fact (order_id, citizen_id, municipality, order_date, status, items)
                values (?, ?, ?, ?, ?, ?) on conflict (order_id) do nothing""")
                .params(placed.orderId().value(), placed.citizenId().value(), placed.municipality().value(),
                        Date.valueOf(placed.orderDate()), placed.status().name(),
                        placed.lines().stream().mapToInt(OrderLine::quantity).sum())
                .update();
        if (inserted == 1) {
            figures.add("order-placed", placed.orderId().value(), 1);
            jdbc.sql("""
                    insert into statistics.citizen_order_year (municipality, citizen_id, year, months) values (?, ?, ?, ?)
                    on conflict (year, municipality, citizen_id) do update
                    set months = statistics.citizen_order_year.months | excluded.months""")
                    .params(placed.municipality().value(), placed.citizenId().value(), placed.orderDate().getYear(),
                            1 << (placed.orderDate().getMonthValue() - 1))
                    .update();
        }
    }

    @ApplicationModuleListener
    void on(OrderStatusChanged changed) {
        jdbc.sql("update statistics.order_fact set status = ? where order_id = ? and status <> 'DELIVERED'")
                .params(changed.to().name(), changed.orderId().value()).update();
    }

    @ApplicationModuleListener
    void on(OrderDelivered delivered) {
        int updated = jdbc.sql("""
                update statistics.order_fact set status = 'DELIVERED', delivered_at = ?,
                    items = ? where order_id = ? and delivered_at is null""")
                .params(Timestamp.from(delivered.deliveredAt()),
                        delivered.lines().stream().mapToInt(OrderLine::quantity).sum(), delivered.orderId().value())
                .update();
        if (updated == 1) {
            figures.add("order-delivered", delivered.orderId().value(), 1);
            Map<UUID, Integer> products = new LinkedHashMap<>();
            delivered.lines().forEach(line -> products.merge(line.productId().value(), line.quantity(), Integer::sum));
            LocalDate day = LocalDate.ofInstant(delivered.deliveredAt(), TimeConfiguration.DANISH_TIME);
            products.forEach((product, quantity) -> {
                ProductId id = new ProductId(product);
                OptionalLong price = assortment.priceOn(id, day);
                jdbc.sql("""
                        insert into statistics.delivered_line (order_id, product_id, citizen_id, municipality, delivered_on,
                            quantity, area_code, price_ore) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(delivered.orderId().value(), product, delivered.citizenId().value(),
                                delivered.paidBy().value(), Date.valueOf(day), quantity,
                                assortment.product(id).map(ProductView::areaCode).orElse(null),
                                price.isPresent() ? price.getAsLong() : null)
                        .update();
            });
            figures.add("delivered-line", delivered.orderId().value(), 1);
        }
    }

    @ApplicationModuleListener
    void on(GrantMade made) {
        jdbc.sql("""
                insert into statistics.grant_fact (grant_id, citizen_id, municipality, made_on) values (?, ?, ?, ?)
                on conflict (grant_id) do nothing""")
                .params(made.grantId().value(), made.citizenId().value(), made.municipality().value(),
                        Date.valueOf(LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME))))
                .update();
    }

    /** The earliest end wins: a move's transition end is followed by an earlier day when the new municipality decides. */
    @ApplicationModuleListener
    void on(GrantEnded ended) {
        jdbc.sql("update statistics.grant_fact set ends_on = least(coalesce(ends_on, ?), ?) where grant_id = ?")
                .params(Date.valueOf(ended.endsOn()), Date.valueOf(ended.endsOn()), ended.grantId().value()).update();
    }

    /** A newer revision takes the older one's figures back out before it adds its own. */
    @ApplicationModuleListener
    void on(ContactRegistered contact) {
        Object[] values = { contact.contactId(), contact.revision(), contact.billedTo().kind().name(),
                contact.billedTo().code(), contact.topic().name(), contact.minutes(), Date.valueOf(contact.contactDate()) };
        int inserted = jdbc.sql("""
                insert into statistics.contact_fact (contact_id, revision, payer_kind, payer_code, topic, minutes, contact_date)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (contact_id) do nothing""").params(values).update();
        if (inserted == 0) {
            boolean newer = jdbc.sql("select revision < ? from statistics.contact_fact where contact_id = ? for update")
                    .params(contact.revision(), contact.contactId()).query(Boolean.class).single();
            if (!newer) {
                return;
            }
            figures.add("contact", contact.contactId(), -1);
            jdbc.sql("""
                    update statistics.contact_fact set revision = ?, payer_kind = ?, payer_code = ?, topic = ?, minutes = ?,
                        contact_date = ? where contact_id = ?""")
                    .params(values[1], values[2], values[3], values[4], values[5], values[6], values[0]).update();
        }
        figures.add("contact", contact.contactId(), 1);
    }

    @ApplicationModuleListener
    void on(WorkOrderCompleted completed) {
        int inserted = jdbc.sql("""
                insert into statistics.work_order_fact (work_order_id, municipality, type, minutes, missed_target, completed_on)
                values (?, ?, ?, ?, ?, ?) on conflict (work_order_id) do nothing""")
                .params(completed.workOrderId(), completed.municipality().value(), completed.type().name(),
                        completed.minutes(), completed.missedTarget(), Date.valueOf(completed.completedOn()))
                .update();
        if (inserted == 1) {
            figures.add("work-order", completed.workOrderId(), 1);
        }
    }
}
