package dk.fsc.invoicing.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import dk.fsc.invoicing.ChargeKind;
import dk.fsc.invoicing.CreditNoteIssued;
import dk.fsc.invoicing.InvoiceIssued;
import dk.fsc.reference.Payer;
import dk.fsc.shared.TimeConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the other modules of an issued invoice or credit note, from its stored rows, in the transaction that issues it. */
@Component
class InvoiceEvents {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    InvoiceEvents(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Publishes {@link InvoiceIssued} or {@link CreditNoteIssued} for the issued document. */
    void issued(UUID documentId) {
        Map<ChargeKind, Long> amounts = new EnumMap<>(ChargeKind.class);
        jdbc.sql("select kind, sum(amount_ore) from invoicing.invoice_line where invoice_id = ? group by kind")
                .param(documentId)
                .query(rs -> {
                    amounts.put(ChargeKind.valueOf(rs.getString(1)), rs.getLong(2));
                });
        events.publishEvent(jdbc.sql("""
                select i.*, o.number as invoice_number from invoicing.invoice i
                left join invoicing.invoice o on o.id = i.credits where i.id = ?""")
                .param(documentId)
                .query((rs, n) -> {
                    Payer payer = new Payer(Payer.Kind.valueOf(rs.getString("payer_kind")), rs.getString("payer_code"));
                    YearMonth month = YearMonth.from(rs.getObject("month", LocalDate.class));
                    LocalDate issuedOn = rs.getObject("issued_at", OffsetDateTime.class)
                            .atZoneSameInstant(TimeConfiguration.DANISH_TIME).toLocalDate();
                    return rs.getString("document").equals("INVOICE")
                            ? new InvoiceIssued(documentId, rs.getLong("number"), payer, month, issuedOn, amounts,
                                    rs.getLong("vat_ore"), rs.getLong("total_ore"))
                            : new CreditNoteIssued(documentId, rs.getLong("number"), rs.getObject("credits", UUID.class),
                                    rs.getLong("invoice_number"), payer, month, issuedOn, amounts, rs.getLong("vat_ore"),
                                    rs.getLong("total_ore"));
                })
                .single());
    }
}
