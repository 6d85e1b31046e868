package dk.fsc.invoicing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.RateOn;
import dk.fsc.devices.LeasePeriodEnded;
import dk.fsc.devices.LeasePeriodStarted;
import dk.fsc.invoicing.ChargeKind;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.Payer;
import dk.fsc.shared.LargestRemainder;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Device leases, billed per month at the model's DEVICE_LEASE rate valid on the first leased day
 * of the month. A month partly leased is billed pro rata by days through the one split: the
 * monthly rate is split evenly over the month's days ({@link LargestRemainder#evenly}) and the
 * lease pays the parts of the days it ran (start and end day both counted), so the days of a
 * whole month sum exactly to the rate. Months are charged at the invoice run; a lease that ends
 * after a month was charged gets a correction for the days it no longer ran.
 */
@Component
class Leases {

    private final JdbcClient jdbc;
    private final ChargeRepository charges;
    private final Pricing pricing;

    Leases(JdbcClient jdbc, ChargeRepository charges, Pricing pricing) {
        this.jdbc = jdbc;
        this.charges = charges;
        this.pricing = pricing;
    }

    private record Lease(UUID id, String serial, UUID model, UUID citizen, String municipality, LocalDate startsOn,
            @Nullable LocalDate endsOn) {
    }

    void start(LeasePeriodStarted started) {
        jdbc.sql("insert into invoicing.lease (lease_id, device_serial, model_id, citizen_id, municipality_code,"
                + " starts_on) values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(started.leaseId(), started.deviceSerial(), started.model().value(), started.citizenId().value(),
                        started.municipality().value(), started.startsOn())
                .update();
    }

    void end(LeasePeriodEnded ended) {
        jdbc.sql("insert into invoicing.lease (lease_id, device_serial, model_id, citizen_id, municipality_code,"
                + " starts_on, ends_on) values (?, ?, ?, ?, ?, ?, ?) on conflict (lease_id) do update set ends_on ="
                + " excluded.ends_on")
                .params(ended.leaseId(), ended.deviceSerial(), ended.model().value(), ended.citizenId().value(),
                        ended.municipality().value(), ended.startsOn(), ended.endsOn())
                .update();
        Lease lease = find(ended.leaseId());
        charges.lockCause("LEASE", lease.id().toString());
        Map<LocalDate, List<Charge>> charged = charges.ofCause("LEASE", lease.id().toString()).stream()
                .collect(Collectors.groupingBy(Charge::period));
        charged.forEach((period, monthCharges) -> {
            if (period.isBefore(ended.endsOn().withDayOfMonth(1))) {
                return;
            }
            long amount = monthCharges.stream().mapToLong(Charge::amountOre).sum();
            long days = monthCharges.stream().mapToLong(Charge::quantity).sum();
            Charge corrected = month(lease, YearMonth.from(period), ":ended");
            long newAmount = corrected == null ? 0 : corrected.amountOre();
            if (newAmount != amount) {
                Charge last = monthCharges.getLast();
                charges.record(new Charge(UUID.randomUUID(), "lease:" + lease.id() + ":" + YearMonth.from(period)
                        + ":ended", last.kind(), last.payer(), period, last.causeType(), last.causeId(),
                        last.citizenId(), "Leje af udstyr " + lease.serial() + " sluttet " + ended.endsOn(),
                        (corrected == null ? 0 : corrected.quantity()) - days, "DAY", last.unitPriceOre(),
                        last.priceUnit(), BigDecimal.ZERO, newAmount - amount, last.priceBasis(),
                        last.priceValidFrom(), last.vatExempt()), ended.recordedAt());
            }
        });
    }

    /** The lease charges due up to and including {@code month} not recorded yet. */
    List<Charge> due(YearMonth month) {
        List<Charge> due = new ArrayList<>();
        List<Lease> running = jdbc.sql("select * from invoicing.lease where starts_on <= ? order by lease_id")
                .param(month.atEndOfMonth())
                .query((rs, n) -> new Lease(rs.getObject("lease_id", UUID.class), rs.getString("device_serial"),
                        rs.getObject("model_id", UUID.class), rs.getObject("citizen_id", UUID.class),
                        rs.getString("municipality_code"), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class)))
                .list();
        for (Lease lease : running) {
            Set<LocalDate> charged = charges.ofCause("LEASE", lease.id().toString()).stream().map(Charge::period)
                    .collect(Collectors.toSet());
            YearMonth last = lease.endsOn() == null || YearMonth.from(lease.endsOn()).isAfter(month) ? month
                    : YearMonth.from(lease.endsOn());
            for (YearMonth m = YearMonth.from(lease.startsOn()); !m.isAfter(last); m = m.plusMonths(1)) {
                if (!charged.contains(m.atDay(1))) {
                    Charge charge = month(lease, m, "");
                    if (charge != null) {
                        due.add(charge);
                    }
                }
            }
        }
        return due;
    }

    /** The lease's charge for {@code month}, or null when it ran no day of it. */
    private @Nullable Charge month(Lease lease, YearMonth month, String suffix) {
        LocalDate from = lease.startsOn().isAfter(month.atDay(1)) ? lease.startsOn() : month.atDay(1);
        LocalDate to = lease.endsOn() == null || lease.endsOn().isAfter(month.atEndOfMonth()) ? month.atEndOfMonth()
                : lease.endsOn();
        if (to.isBefore(from)) {
            return null;
        }
        Payer payer = Payer.municipality(new MunicipalityCode(lease.municipality()));
        int days = to.getDayOfMonth() - from.getDayOfMonth() + 1;
        Pricing.Fact fact = new Pricing.Fact("lease:" + lease.id() + ":" + month + suffix, ChargeKind.DEVICE_LEASE,
                payer, from, "LEASE", lease.id().toString(), lease.citizen(),
                "Leje af udstyr " + lease.serial() + ", " + from + " til " + to, days, "DAY");
        RateOn rate = pricing.rate(fact, "DEVICE_LEASE", new ProductId(lease.model()));
        List<Long> perDay = LargestRemainder.evenly(rate.amountOre(), month.lengthOfMonth());
        long amount = perDay.subList(from.getDayOfMonth() - 1, to.getDayOfMonth()).stream().mapToLong(Long::longValue)
                .sum();
        return pricing.charge(fact, fact.description(), rate.amountOre(), rate.unit(), BigDecimal.ZERO, amount,
                "rate " + rate.kind(), rate.validFrom(), lease.model());
    }

    private Lease find(UUID id) {
        return jdbc.sql("select * from invoicing.lease where lease_id = ?").param(id)
                .query((rs, n) -> new Lease(rs.getObject("lease_id", UUID.class), rs.getString("device_serial"),
                        rs.getObject("model_id", UUID.class), rs.getObject("citizen_id", UUID.class),
                        rs.getString("municipality_code"), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class)))
                .single();
    }
}
