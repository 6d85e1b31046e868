package dk.fsc.statistics.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

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
 */
@Component
class Projections {

    private final JdbcClient jdbc;
    private final Clock clock;

    Projections(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        jdbc.sql("""
                insert into statistics.order_fact (order_id, citizen_id, municipality, order_date, status, items)
                values (?, ?, ?, ?, ?, ?) on conflict (order_id) do nothing""")
                .params(placed.orderId().value(), placed.citizenId().value(), placed.municipality().value(),
                        Date.valueOf(placed.orderDate()), placed.status().name(),
                        placed.lines().stream().mapToInt(OrderLine::quantity).sum())
                .update();
    }

    @ApplicationModuleListener
    void on(OrderStatusChanged changed) {
        jdbc.sql("update statistics.order_fact set status = ? where order_id = ? and status <> 'DELIVERED'")
                .params(changed.to().name(), changed.orderId().value()).update();
    }

    @ApplicationModuleListener
    void on(OrderDelivered delivered) {
        jdbc.sql("""
                update statistics.order_fact set status = 'DELIVERED', delivered_at = ?,
                    items = ? where order_id = ?""")
                .params(Timestamp.from(delivered.deliveredAt()),
                        delivered.lines().stream().mapToInt(OrderLine::quantity).sum(), delivered.orderId().value())
                .update();
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

    @ApplicationModuleListener
    void on(ContactRegistered contact) {
        jdbc.sql("""
                insert into statistics.contact_fact (contact_id, revision, payer_kind, payer_code, topic, minutes, contact_date)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (contact_id) do update set revision = excluded.revision, payer_kind = excluded.payer_kind,
                    payer_code = excluded.payer_code, topic = excluded.topic, minutes = excluded.minutes,
                    contact_date = excluded.contact_date
                where statistics.contact_fact.revision < excluded.revision""")
                .params(contact.contactId(), contact.revision(), contact.billedTo().kind().name(),
                        contact.billedTo().code(), contact.topic().name(), contact.minutes(),
                        Date.valueOf(contact.contactDate()))
                .update();
    }

    @ApplicationModuleListener
    void on(WorkOrderCompleted completed) {
        jdbc.sql("""
                insert into statistics.work_order_fact (work_order_id, municipality, type, minutes, missed_target, completed_on)
                values (?, ?, ?, ?, ?, ?) on conflict (work_order_id) do nothing""")
                .params(completed.workOrderId(), completed.municipality().value(), completed.type().name(),
                        completed.minutes(), completed.missedTarget(), Date.valueOf(completed.completedOn()))
                .update();
    }
}
