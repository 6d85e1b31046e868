package dk.fsc.invoicing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.reference.Payer;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issued invoices and credit notes as their readers see them: finance sees every payer's, a
 * municipality's own finance staff only their municipality's (another's answers 404). Credit
 * notes refer to an invoice and credit whole lines or parts of them, never more than was
 * invoiced less what was credited before.
 */
@Service
class Invoices {

    static final int MAX_CHARGES_SHOWN = 1000;

    private static final String SELECT = "select i.*, (select o.number from invoicing.invoice o where o.id = i.credits)"
            + " as credited_number from invoicing.invoice i";

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final PayerAccounts accounts;
    private final ChargeRepository charges;
    private final InvoiceRun run;
    private final InvoiceEvents events;
    private final Clock clock;

    Invoices(JdbcClient jdbc, CurrentUsers users, PayerAccounts accounts, ChargeRepository charges, InvoiceRun run,
            InvoiceEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.accounts = accounts;
        this.charges = charges;
        this.run = run;
        this.events = events;
        this.clock = clock;
    }

    /** @param creditedNumber for a credit note: the number of the invoice it credits */
    record Invoice(UUID id, String document, long number, YearMonth month, Payer payer, String payerName, String gln,
            @Nullable UUID credits, @Nullable Long creditedNumber, long taxableOre, long exemptOre, long vatOre, long totalOre, Instant issuedAt,
            String issuedBy) {
    }

    record Line(UUID id, int position, String kind, LocalDate period, boolean vatExempt, long charges, long amountOre,
            @Nullable UUID credits, long creditedOre) {
    }

    record WithLines(Invoice invoice, List<Line> lines, List<Invoice> creditNotes) {
    }

    /** What one citizen (or no citizen: shared costs, workshop work) was billed per kind. */
    record Specification(@Nullable UUID citizenId, String kind, long charges, long amountOre) {
    }

    record CreditRequest(@Nullable List<CreditLine> lines) {
    }

    record CreditLine(@Nullable UUID lineId, @Nullable Long amountOre) {
    }

    @Transactional(readOnly = true)
    public List<Invoice> list(@Nullable YearMonth month) {
        String municipality = ownMunicipality();
        return jdbc.sql(SELECT + " where (cast(:month as date) is null or i.month = :month)"
                + " and (cast(:own as text) is null or (i.payer_kind = 'MUNICIPALITY' and i.payer_code = :own))"
                + " order by i.month desc, i.document, i.number")
                .param("month", month == null ? null : month.atDay(1)).param("own", municipality)
                .query(this::invoice).list();
    }

    @Transactional(readOnly = true)
    public WithLines get(UUID id) {
        Invoice invoice = visible(id);
        List<Invoice> creditNotes = jdbc.sql(SELECT + " where i.credits = ? order by i.number")
                .param(id).query(this::invoice).list();
        return new WithLines(invoice, lines(id), creditNotes);
    }

    /** The charges behind a line, with what caused each (at most {@link #MAX_CHARGES_SHOWN}). */
    @Transactional(readOnly = true)
    public List<Charge> charges(UUID invoiceId, UUID lineId) {
        visible(invoiceId);
        Line line = lines(invoiceId).stream().filter(candidate -> candidate.id().equals(lineId)).findFirst()
                .orElseThrow(() -> new NotFoundException("The invoice has no line " + lineId));
        return charges.ofLine(invoiceId, line.kind(), line.period(), line.vatExempt(), MAX_CHARGES_SHOWN);
    }

    @Transactional(readOnly = true)
    public List<Specification> specification(UUID invoiceId) {
        visible(invoiceId);
        return jdbc.sql("""
                select c.citizen_id, c.kind, count(*), sum(c.amount_ore) from invoicing.invoiced_charge ic
                join invoicing.charge c on c.id = ic.charge_id where ic.invoice_id = ?
                group by 1, 2 order by 1 nulls last, 2""")
                .param(invoiceId)
                .query((rs, n) -> new Specification(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
                        rs.getLong(4)))
                .list();
    }

    /**
     * A credit note for the invoice: the lines given with the amounts to credit, or every line's
     * remainder when none are given. Numbered in its own gapless series.
     */
    @Transactional
    public WithLines credit(UUID invoiceId, CreditRequest request, String by) {
        run.lockSeries("CREDIT_NOTE");
        Invoice invoice = jdbc.sql(SELECT + " where i.id = ? and i.document = 'INVOICE' for update")
                .param(invoiceId).query(this::invoice).optional()
                .orElseThrow(() -> new NotFoundException("There is no invoice " + invoiceId));
        Map<UUID, Line> lines = lines(invoiceId).stream().collect(Collectors.toMap(Line::id, Function.identity()));
        List<FieldError> errors = new ArrayList<>();
        List<Line> credited = new ArrayList<>();
        if (request.lines() == null || request.lines().isEmpty()) {
            lines.values().stream().filter(line -> line.amountOre() - line.creditedOre() > 0)
                    .forEach(line -> credited.add(creditOf(line, line.amountOre() - line.creditedOre())));
            if (credited.isEmpty()) {
                throw new ConflictException("Everything of the invoice is credited already.",
                        List.of(FieldError.of("lines", "invoicing.error.creditedAlready")));
            }
        } else {
            for (int i = 0; i < request.lines().size(); i++) {
                CreditLine wanted = request.lines().get(i);
                Line line = wanted == null || wanted.lineId() == null ? null : lines.get(wanted.lineId());
                if (line == null) {
                    errors.add(FieldError.of("lines[" + i + "].lineId", "invoicing.error.noSuchLine"));
                } else if (wanted.amountOre() == null || wanted.amountOre() <= 0
                        || wanted.amountOre() > line.amountOre() - line.creditedOre()) {
                    errors.add(FieldError.of("lines[" + i + "].amountOre", "invoicing.error.creditAbove",
                            Math.max(0, line.amountOre() - line.creditedOre())));
                } else if (credited.stream().anyMatch(other -> other.credits().equals(line.id()))) {
                    errors.add(FieldError.of("lines[" + i + "].lineId", "invoicing.error.lineTwice"));
                } else {
                    credited.add(creditOf(line, wanted.amountOre()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The credit note cannot be made as asked.", errors);
        }
        long taxable = credited.stream().filter(line -> !line.vatExempt()).mapToLong(Line::amountOre).sum();
        long exempt = credited.stream().filter(Line::vatExempt).mapToLong(Line::amountOre).sum();
        long vatCredited = jdbc.sql("select coalesce(sum(vat_ore), 0) from invoicing.invoice where credits = ?")
                .param(invoiceId).query(Long.class).single();
        long taxableLeft = lines.values().stream().filter(line -> !line.vatExempt())
                .mapToLong(line -> line.amountOre() - line.creditedOre()).sum() - taxable;
        long vat = taxableLeft == 0 ? invoice.vatOre() - vatCredited
                : Math.min(InvoiceRun.vat(taxable), invoice.vatOre() - vatCredited);
        UUID id = UUID.randomUUID();
        long number = run.next("CREDIT_NOTE");
        jdbc.sql("""
                insert into invoicing.invoice (id, document, number, month, payer_kind, payer_code, gln, credits,
                    taxable_ore, exempt_ore, vat_ore, total_ore, issued_at, issued_by)
                values (?, 'CREDIT_NOTE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, number, invoice.month().atDay(1), invoice.payer().kind().name(), invoice.payer().code(),
                        invoice.gln(), invoiceId, taxable, exempt, vat, taxable + exempt + vat,
                        clock.instant().atOffset(ZoneOffset.UTC), by)
                .update();
        for (int i = 0; i < credited.size(); i++) {
            Line line = credited.get(i);
            jdbc.sql("insert into invoicing.invoice_line (id, invoice_id, position, kind, period, vat_exempt, charges,"
                    + " amount_ore, credits) values (?, ?, ?, ?, ?, ?, 0, ?, ?)")
                    .params(UUID.randomUUID(), id, i + 1, line.kind(), line.period(), line.vatExempt(),
                            line.amountOre(), line.credits())
                    .update();
        }
        events.issued(id);
        return get(id);
    }

    private static Line creditOf(Line line, long amountOre) {
        return new Line(line.id(), line.position(), line.kind(), line.period(), line.vatExempt(), 0, amountOre,
                line.id(), 0);
    }

    /** The invoice, when the caller may see it; otherwise as if it did not exist. */
    Invoice visible(UUID id) {
        String own = ownMunicipality();
        return jdbc.sql(SELECT + " where i.id = ?").param(id).query(this::invoice).optional()
                .filter(invoice -> own == null
                        || invoice.payer().equals(new Payer(Payer.Kind.MUNICIPALITY, own)))
                .orElseThrow(() -> new NotFoundException("There is no invoice " + id));
    }

    private List<Line> lines(UUID invoiceId) {
        return jdbc.sql("""
                select l.*, coalesce((select sum(c.amount_ore) from invoicing.invoice_line c where c.credits = l.id), 0)
                    as credited
                from invoicing.invoice_line l where l.invoice_id = ? order by l.position""")
                .param(invoiceId)
                .query((rs, n) -> new Line(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("kind"),
                        rs.getObject("period", LocalDate.class), rs.getBoolean("vat_exempt"), rs.getLong("charges"),
                        rs.getLong("amount_ore"), rs.getObject("credits", UUID.class), rs.getLong("credited")))
                .list();
    }

    /** The municipality a municipal finance user is bound to; null for finance, who sees every payer. */
    private @Nullable String ownMunicipality() {
        CurrentUser user = users.require();
        if (user.hasAny(Role.FINANCE, Role.FSC_ADMIN)) {
            return null;
        }
        if (user.municipalityCode() == null) {
            throw new NotFoundException("No invoices for this user.");
        }
        return user.municipalityCode();
    }

    private Invoice invoice(ResultSet rs, int n) throws SQLException {
        Payer payer = new Payer(Payer.Kind.valueOf(rs.getString("payer_kind")), rs.getString("payer_code"));
        return new Invoice(rs.getObject("id", UUID.class), rs.getString("document"), rs.getLong("number"),
                YearMonth.from(rs.getObject("month", LocalDate.class)), payer, accounts.name(payer), rs.getString("gln"),
                rs.getObject("credits", UUID.class), (Long) rs.getObject("credited_number"), rs.getLong("taxable_ore"), rs.getLong("exempt_ore"),
                rs.getLong("vat_ore"), rs.getLong("total_ore"),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(), rs.getString("issued_by"));
    }
}
