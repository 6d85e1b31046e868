package dk.fsc.invoicing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dk.fsc.reference.Payer;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly invoice run: a preview, then the issue of one invoice per payer for every charge
 * of the month and every earlier charge not billed yet (a late charge keeps its own period on
 * its line). Each charge is billed once. Numbers are gapless per series: the series' counter row
 * is locked FOR UPDATE in the issuing transaction, which also serializes runs; a second run of
 * the same month at the same time is told at once, an issued month is refused.
 */
@Service
class InvoiceRun {

    static final BigDecimal VAT_PERCENT = BigDecimal.valueOf(25);

    private final JdbcClient jdbc;
    private final MonthlyCharges monthly;
    private final ChargeRepository charges;
    private final PayerAccounts accounts;
    private final InvoiceEvents events;
    private final Clock clock;

    InvoiceRun(JdbcClient jdbc, MonthlyCharges monthly, ChargeRepository charges, PayerAccounts accounts,
            InvoiceEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.monthly = monthly;
        this.charges = charges;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** A line to be billed: the charges of one kind, period and VAT treatment. */
    record Line(String kind, LocalDate period, boolean vatExempt, long charges, long amountOre) {
    }

    record PayerPreview(Payer payer, String name, @Nullable String gln, List<Line> lines, long taxableOre,
            long exemptOre, long vatOre, long totalOre) {
    }

    record Preview(YearMonth month, boolean issued, long charges, List<PayerPreview> payers) {
    }

    record Issued(YearMonth month, int invoices, long charges, @Nullable Long firstNumber, @Nullable Long lastNumber) {
    }

    @Transactional(readOnly = true)
    public Preview preview(YearMonth month) {
        notInTheFuture(month);
        Map<Payer, List<Line>> lines = unbilled(month);
        monthly.due(month).forEach(charge -> add(lines, charge.payer(), new Line(charge.kind().name(), charge.period(),
                charge.vatExempt(), 1, charge.amountOre())));
        long count = lines.values().stream().flatMap(List::stream).mapToLong(Line::charges).sum();
        List<PayerPreview> payers = new ArrayList<>();
        lines.forEach((payer, payerLines) -> {
            long taxable = sum(payerLines, false);
            long exempt = sum(payerLines, true);
            long vat = vat(taxable);
            payers.add(new PayerPreview(payer, accounts.name(payer), accounts.gln(payer).orElse(null),
                    merged(payerLines), taxable, exempt, vat, taxable + exempt + vat));
        });
        return new Preview(month, issued(month), count, payers);
    }

    /** Issues the month: all or nothing. */
    @Transactional
    public Issued issue(YearMonth month, String by) {
        notInTheFuture(month);
        boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")
                .param("invoice-run:" + month).query(Boolean.class).single();
        if (!mine) {
            throw new ConflictException("A run of " + month + " is being issued right now.",
                    List.of(FieldError.of("month", "invoicing.error.runUnderWay", month)));
        }
        lockSeries("INVOICE");
        if (issued(month)) {
            throw new ConflictException("The month " + month + " is issued already.",
                    List.of(FieldError.of("month", "invoicing.error.issued", month)));
        }
        Instant now = clock.instant();
        charges.recordAll(monthly.due(month), now);
        Map<Payer, List<Line>> lines = unbilled(month);
        List<FieldError> missing = new ArrayList<>();
        lines.keySet().forEach(payer -> {
            if (accounts.gln(payer).isEmpty()) {
                missing.add(FieldError.of("payer", "invoicing.error.noGln", accounts.name(payer), payer.code()));
            }
        });
        if (!missing.isEmpty()) {
            throw new InvalidInputException("A payer has no EAN number to send the invoice to; nothing was issued.",
                    missing);
        }
        Long first = null;
        Long last = null;
        for (Payer payer : lines.keySet()) {
            long number = next("INVOICE");
            first = first == null ? number : first;
            last = number;
            jdbc.sql("""
                    insert into invoicing.invoice (id, document, number, month, payer_kind, payer_code, gln, taxable_ore,
                        exempt_ore, vat_ore, total_ore, issued_at, issued_by)
                    values (?, 'INVOICE', ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?)""")
                    .params(UUID.randomUUID(), number, month.atDay(1), payer.kind().name(), payer.code(),
                            accounts.gln(payer).orElseThrow(), now.atOffset(ZoneOffset.UTC), by)
                    .update();
        }
        // One pass over the charges: the unbilled ones of the month's payers are marked billed and
        // grouped into lines in a single statement, so the lines hold exactly the charges marked.
        long billed = jdbc.sql("""
                with picked as materialized (
                    select c.id, i.id as invoice_id, c.kind, c.period, c.vat_exempt, c.amount_ore
                    from invoicing.charge c
                    join invoicing.invoice i on i.document = 'INVOICE' and i.month = :month
                        and i.payer_kind = c.payer_kind and i.payer_code = c.payer_code
                    where c.period <= :month
                      and not exists (select 1 from invoicing.invoiced_charge b where b.charge_id = c.id)),
                marked as (insert into invoicing.invoiced_charge (charge_id, invoice_id) select id, invoice_id from picked)
                insert into invoicing.invoice_line (id, invoice_id, position, kind, period, vat_exempt, charges, amount_ore)
                select gen_random_uuid(), invoice_id,
                       row_number() over (partition by invoice_id order by kind, period, vat_exempt), kind, period,
                       vat_exempt, n, amount
                from (select invoice_id, kind, period, vat_exempt, count(*) as n, sum(amount_ore) as amount
                      from picked group by 1, 2, 3, 4) grouped
                returning charges""")
                .param("month", month.atDay(1)).query(Long.class).list().stream().mapToLong(Long::longValue).sum();
        jdbc.sql("""
                update invoicing.invoice i set taxable_ore = t.taxable, exempt_ore = t.exempt,
                    vat_ore = round(t.taxable * :vat / 100), total_ore = t.taxable + t.exempt + round(t.taxable * :vat / 100)
                from (select l.invoice_id, coalesce(sum(l.amount_ore) filter (where not l.vat_exempt), 0) as taxable,
                             coalesce(sum(l.amount_ore) filter (where l.vat_exempt), 0) as exempt
                      from invoicing.invoice_line l join invoicing.invoice v on v.id = l.invoice_id
                      where v.document = 'INVOICE' and v.month = :month group by l.invoice_id) t
                where t.invoice_id = i.id""")
                .param("month", month.atDay(1)).param("vat", VAT_PERCENT).update();
        jdbc.sql("insert into invoicing.invoice_run (month, issued_at, issued_by, invoices, charges) values (?, ?, ?, ?, ?)")
                .params(month.atDay(1), now.atOffset(ZoneOffset.UTC), by, lines.size(), billed).update();
        jdbc.sql("select id from invoicing.invoice where document = 'INVOICE' and month = ? order by number")
                .param(month.atDay(1)).query(UUID.class).list().forEach(events::issued);
        return new Issued(month, lines.size(), billed, first, last);
    }

    /**
     * VAT on the taxable net of a whole invoice, rounded half up to the øre once (the issue does the
     * same in SQL: PostgreSQL's round of a numeric rounds half away from zero, as HALF_UP does).
     */
    static long vat(long taxableOre) {
        return BigDecimal.valueOf(taxableOre).multiply(VAT_PERCENT)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Locks a series' counter until the transaction ends: issuing and crediting wait for each other. */
    void lockSeries(String series) {
        jdbc.sql("select last from invoicing.number_series where series = ? for update").param(series)
                .query(Long.class).single();
    }

    /** The next number of a locked series: rolled back with the transaction, so numbers have no gaps. */
    long next(String series) {
        return jdbc.sql("update invoicing.number_series set last = last + 1 where series = ? returning last")
                .param(series).query(Long.class).single();
    }

    boolean issued(YearMonth month) {
        return jdbc.sql("select exists (select 1 from invoicing.invoice_run where month = ?)").param(month.atDay(1))
                .query(Boolean.class).single();
    }

    private void notInTheFuture(YearMonth month) {
        if (month.isAfter(YearMonth.now(clock.withZone(TimeConfiguration.DANISH_TIME)))) {
            throw new InvalidInputException("The month " + month + " has not begun.",
                    List.of(FieldError.of("month", "invoicing.error.futureMonth")));
        }
    }

    private Map<Payer, List<Line>> unbilled(YearMonth month) {
        Map<Payer, List<Line>> lines = new TreeMap<>(Payer.TIE_ORDER);
        jdbc.sql("""
                select payer_kind, payer_code, kind, period, vat_exempt, count(*), sum(amount_ore)
                from invoicing.charge c where period <= ?
                  and not exists (select 1 from invoicing.invoiced_charge b where b.charge_id = c.id)
                group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5""")
                .param(month.atDay(1))
                .query((rs, n) -> {
                    add(lines, new Payer(Payer.Kind.valueOf(rs.getString(1)), rs.getString(2)),
                            new Line(rs.getString(3), rs.getObject(4, LocalDate.class), rs.getBoolean(5), rs.getLong(6),
                                    rs.getLong(7)));
                    return 1;
                })
                .list();
        return lines;
    }

    private static void add(Map<Payer, List<Line>> lines, Payer payer, Line line) {
        lines.computeIfAbsent(payer, key -> new ArrayList<>()).add(line);
    }

    private static List<Line> merged(List<Line> lines) {
        Map<String, Line> merged = new TreeMap<>();
        lines.forEach(line -> merged.merge(line.kind() + line.period() + line.vatExempt(), line,
                (a, b) -> new Line(a.kind(), a.period(), a.vatExempt(), a.charges() + b.charges(),
                        a.amountOre() + b.amountOre())));
        return merged.values().stream().sorted(Comparator.comparing(Line::kind).thenComparing(Line::period)).toList();
    }

    private static long sum(List<Line> lines, boolean exempt) {
        return lines.stream().filter(line -> line.vatExempt() == exempt).mapToLong(Line::amountOre).sum();
    }
}
