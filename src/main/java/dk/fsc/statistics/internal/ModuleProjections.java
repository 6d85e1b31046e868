package dk.fsc.statistics.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.fsc.alarms.AlarmClosed;
import dk.fsc.alarms.AlarmRaised;
import dk.fsc.alarms.DosesCounted;
import dk.fsc.devices.AssessmentMade;
import dk.fsc.devices.DeviceService;
import dk.fsc.devices.DeviceServicesChanged;
import dk.fsc.devices.LeasePeriodEnded;
import dk.fsc.devices.LeasePeriodStarted;
import dk.fsc.invoicing.ChargeKind;
import dk.fsc.invoicing.CreditNoteIssued;
import dk.fsc.invoicing.InvoiceIssued;
import dk.fsc.reference.Payer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The projections of the devices', alarms' and invoicing's events: leases and their services,
 * needs assessments (recommended and chosen step), alarms, each municipality's doses per day, and invoices and credit notes with their amounts per
 * kind. Keyed like {@link Projections}: an event heard twice (or out of order, such as a lease's
 * end before its start or an alarm's close before its raise) leaves the same rows and adds its
 * figures to the monthly pre-aggregates once.
 */
@Component
class ModuleProjections {

    private final JdbcClient jdbc;
    private final MonthlyFigures figures;

    ModuleProjections(JdbcClient jdbc, MonthlyFigures figures) {
        this.jdbc = jdbc;
        this.figures = figures;
    }

    @ApplicationModuleListener
    void on(LeasePeriodStarted started) {
        jdbc.sql("""
                insert into statistics.lease_fact (lease_id, municipality, model_id, starts_on) values (?, ?, ?, ?)
                on conflict (lease_id) do nothing""")
                .params(started.leaseId(), started.municipality().value(), started.model().value(),
                        Date.valueOf(started.startsOn()))
                .update();
        services(started.leaseId(), started.startsOn(), started.services(), started.recordedAt());
    }

    @ApplicationModuleListener
    void on(LeasePeriodEnded ended) {
        jdbc.sql("""
                insert into statistics.lease_fact (lease_id, municipality, model_id, starts_on, ends_on) values (?, ?, ?, ?, ?)
                on conflict (lease_id) do update set ends_on = excluded.ends_on""")
                .params(ended.leaseId(), ended.municipality().value(), ended.model().value(),
                        Date.valueOf(ended.startsOn()), Date.valueOf(ended.endsOn()))
                .update();
    }

    @ApplicationModuleListener
    void on(DeviceServicesChanged changed) {
        services(changed.leaseId(), changed.from(), changed.services(), changed.recordedAt());
    }

    /** The service level as the projection keeps it: the services' names in order, joined by commas. */
    static String serviceLevel(Set<DeviceService> services) {
        return services.stream().map(DeviceService::name).sorted().collect(Collectors.joining(","));
    }

    private void services(UUID leaseId, LocalDate from, Set<DeviceService> services, Instant recordedAt) {
        jdbc.sql("""
                insert into statistics.lease_services (lease_id, from_day, services, recorded_at) values (?, ?, ?, ?)
                on conflict (lease_id, from_day) do update set services = excluded.services, recorded_at = excluded.recorded_at
                where statistics.lease_services.recorded_at < excluded.recorded_at""")
                .params(leaseId, Date.valueOf(from), serviceLevel(services), Timestamp.from(recordedAt))
                .update();
    }

    @ApplicationModuleListener
    void on(AssessmentMade made) {
        jdbc.sql("""
                insert into statistics.assessment_fact (assessment_id, municipality, recommended, chosen, rule_version, made_on)
                values (?, ?, ?, ?, ?, ?) on conflict (assessment_id) do nothing""")
                .params(made.assessmentId(), made.municipality().value(), made.recommended().name(), made.chosen().name(),
                        made.ruleVersion(), Date.valueOf(made.madeOn()))
                .update();
    }

    @ApplicationModuleListener
    void on(AlarmRaised raised) {
        int inserted = jdbc.sql("""
                insert into statistics.alarm_fact (alarm_id, municipality, kind, due_at, raised_at) values (?, ?, ?, ?, ?)
                on conflict (alarm_id) do nothing""")
                .params(raised.alarmId(), raised.municipality().value(), raised.kind().name(),
                        Timestamp.from(raised.dueAt()), Timestamp.from(raised.raisedAt()))
                .update();
        if (inserted == 1) {
            figures.add("alarm-raised", raised.alarmId(), 1);
        }
    }

    /** A close heard before the raise writes the whole alarm, and so adds the raise's figures too. */
    @ApplicationModuleListener
    void on(AlarmClosed closed) {
        List<Boolean> written = jdbc.sql("""
                insert into statistics.alarm_fact (alarm_id, municipality, kind, due_at, raised_at, acknowledged_at, closed_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (alarm_id) do update set acknowledged_at = excluded.acknowledged_at, closed_at = excluded.closed_at
                where statistics.alarm_fact.closed_at is null
                returning xmax = 0""")
                .params(closed.alarmId(), closed.municipality().value(), closed.kind().name(),
                        Timestamp.from(closed.dueAt()), Timestamp.from(closed.raisedAt()),
                        Timestamp.from(closed.acknowledgedAt()), Timestamp.from(closed.closedAt()))
                .query(Boolean.class).list();
        if (written.isEmpty()) {
            return;
        }
        if (written.getFirst()) {
            figures.add("alarm-raised", closed.alarmId(), 1);
        }
        figures.add("alarm-closed", closed.alarmId(), 1);
    }

    /**
     * The figures of a municipality-day counted last replace those counted before, in the
     * pre-aggregates too, in whatever order they are heard (the row is inserted first, so a
     * second listener waits for the first).
     */
    @ApplicationModuleListener
    void on(DosesCounted counted) {
        UUID factId = UUID.nameUUIDFromBytes(("doses:" + counted.municipality().value() + ":" + counted.day())
                .getBytes(StandardCharsets.UTF_8));
        int inserted = jdbc.sql("""
                insert into statistics.dose_fact (fact_id, municipality, day, due, taken, missed, counted_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (fact_id) do nothing""")
                .params(factId, counted.municipality().value(), Date.valueOf(counted.day()), counted.due(),
                        counted.taken(), counted.missed(), Timestamp.from(counted.countedAt()))
                .update();
        if (inserted == 0) {
            boolean newer = jdbc.sql("select counted_at < ? from statistics.dose_fact where fact_id = ? for update")
                    .params(Timestamp.from(counted.countedAt()), factId).query(Boolean.class).single();
            if (!newer) {
                return;
            }
            figures.add("doses", factId, -1);
            jdbc.sql("update statistics.dose_fact set due = ?, taken = ?, missed = ?, counted_at = ? where fact_id = ?")
                    .params(counted.due(), counted.taken(), counted.missed(), Timestamp.from(counted.countedAt()), factId)
                    .update();
        }
        figures.add("doses", factId, 1);
    }

    @ApplicationModuleListener
    void on(InvoiceIssued issued) {
        document(issued.invoiceId(), "INVOICE", issued.number(), issued.payer(), issued.month().atDay(1),
                issued.issuedOn(), issued.amountsByKind(), issued.vatOre(), issued.totalOre(), 1);
    }

    @ApplicationModuleListener
    void on(CreditNoteIssued issued) {
        document(issued.creditNoteId(), "CREDIT_NOTE", issued.number(), issued.payer(), issued.month().atDay(1),
                issued.issuedOn(), issued.amountsByKind(), issued.vatOre(), issued.totalOre(), -1);
    }

    /** An invoice (sign 1) or a credit note (sign -1, so its amounts count against the invoiced). */
    private void document(UUID id, String document, long number, Payer payer, LocalDate month, LocalDate issuedOn,
            Map<ChargeKind, Long> amounts, long vatOre, long totalOre, int sign) {
        int inserted = jdbc.sql("""
                insert into statistics.invoice_fact (document_id, document, number, payer_kind, payer_code, month, issued_on,
                    vat_ore, total_ore) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (document_id) do nothing""")
                .params(id, document, number, payer.kind().name(), payer.code(), Date.valueOf(month),
                        Date.valueOf(issuedOn), sign * vatOre, sign * totalOre)
                .update();
        if (inserted == 1) {
            amounts.forEach((kind, ore) -> jdbc.sql(
                    "insert into statistics.invoice_amount (document_id, kind, amount_ore) values (?, ?, ?)")
                    .params(id, kind.name(), sign * ore).update());
            figures.add("invoice", id, 1);
        }
    }
}
