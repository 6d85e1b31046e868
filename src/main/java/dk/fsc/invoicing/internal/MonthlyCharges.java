package dk.fsc.invoicing.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.fsc.assortment.RateOn;
import dk.fsc.invoicing.ChargeKind;
import dk.fsc.reference.Payer;
import dk.fsc.shared.LargestRemainder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The charges a month's invoice run makes itself, not heard from an event: the leases' months
 * ({@link Leases}) and storage. Storage for a month is the STORAGE rate (per unit and month)
 * times the units delivered that month, allocated to the municipalities by their share of those
 * units through the one split; it is charged once per month, at the month's run, from the
 * product charges recorded by then.
 */
@Component
class MonthlyCharges {

    private final JdbcClient jdbc;
    private final Leases leases;
    private final Pricing pricing;

    MonthlyCharges(JdbcClient jdbc, Leases leases, Pricing pricing) {
        this.jdbc = jdbc;
        this.leases = leases;
        this.pricing = pricing;
    }

    /** What the run of {@code month} charges beside the charges already recorded; nothing is stored. */
    List<Charge> due(YearMonth month) {
        List<Charge> due = new ArrayList<>(leases.due(month));
        due.addAll(storage(month));
        return due;
    }

    private List<Charge> storage(YearMonth month) {
        boolean charged = jdbc.sql("select exists (select 1 from invoicing.charge where kind = 'STORAGE' and period = ?)")
                .param(month.atDay(1)).query(Boolean.class).single();
        if (charged) {
            return List.of();
        }
        Map<Payer, Long> units = new LinkedHashMap<>();
        jdbc.sql("select payer_kind, payer_code, sum(quantity) from invoicing.charge where kind = 'PRODUCT'"
                + " and period = ? group by 1, 2 having sum(quantity) > 0 order by 1, 2")
                .param(month.atDay(1))
                .query((rs, n) -> units.put(new Payer(Payer.Kind.valueOf(rs.getString(1)), rs.getString(2)),
                        rs.getLong(3)))
                .list();
        if (units.isEmpty()) {
            return List.of();
        }
        long total = units.values().stream().mapToLong(Long::longValue).sum();
        Pricing.Fact first = fact(month, units.keySet().iterator().next(), total);
        RateOn rate = pricing.rate(first, "STORAGE", null);
        Map<Payer, Long> shares = LargestRemainder.split(Math.multiplyExact(rate.amountOre(), total), units,
                Payer.TIE_ORDER);
        List<Charge> charges = new ArrayList<>();
        shares.forEach((payer, amount) -> {
            Pricing.Fact fact = fact(month, payer, units.get(payer));
            charges.add(pricing.charge(fact, fact.description(), rate.amountOre(), rate.unit(), BigDecimal.ZERO, amount,
                    "rate " + rate.kind(), rate.validFrom(), null));
        });
        return charges;
    }

    private static Pricing.Fact fact(YearMonth month, Payer payer, long units) {
        return new Pricing.Fact("storage:" + month + ":" + payer.kind() + payer.code(), ChargeKind.STORAGE, payer,
                month.atDay(1), "STORAGE", month.toString(), null,
                "Lager " + month + ": " + units + " enheder leveret", units, "PIECE");
    }
}
