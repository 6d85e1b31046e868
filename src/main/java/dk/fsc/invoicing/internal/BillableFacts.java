package dk.fsc.invoicing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.fsc.devices.LeasePeriodEnded;
import dk.fsc.devices.LeasePeriodStarted;
import dk.fsc.devices.WorkOrderCompleted;
import dk.fsc.invoicing.ChargeKind;
import dk.fsc.reference.Payer;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.support.ContactRegistered;
import dk.fsc.warehouse.DeliveredLine;
import dk.fsc.warehouse.HoleCut;
import dk.fsc.warehouse.ShipmentDelivered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' billable events into charges. Each charge is keyed by the fact it
 * bills, so an event delivered twice makes one charge. Products are billed from the warehouse's
 * {@link ShipmentDelivered} (it names the lots), not from the orders module's OrderDelivered, so
 * a product is billed once.
 */
@Component
class BillableFacts {

    private final Pricing pricing;
    private final ChargeRepository charges;
    private final Leases leases;
    private final Clock clock;

    BillableFacts(Pricing pricing, ChargeRepository charges, Leases leases, Clock clock) {
        this.pricing = pricing;
        this.charges = charges;
        this.leases = leases;
        this.clock = clock;
    }

    /** Each lot delivered at its product's price less the contract discount, each cut plate, and the delivery. */
    @ApplicationModuleListener
    void on(ShipmentDelivered delivered) {
        LocalDate day = delivered.deliveredAt().atZone(TimeConfiguration.DANISH_TIME).toLocalDate();
        Payer payer = Payer.municipality(delivered.paidBy());
        String cause = delivered.orderId().value().toString();
        String key = "shipment:" + cause + ":" + delivered.deliveredAt().toEpochMilli();
        for (int i = 0; i < delivered.lines().size(); i++) {
            DeliveredLine line = delivered.lines().get(i);
            record(pricing.product(new Pricing.Fact(key + ":line:" + (i + 1), ChargeKind.PRODUCT, payer, day, "ORDER",
                    cause, delivered.citizenId().value(), "Parti " + line.lot() + ": ", line.quantity(), "PIECE"),
                    line.productId()));
        }
        for (int i = 0; i < delivered.holeCuts().size(); i++) {
            HoleCut cut = delivered.holeCuts().get(i);
            record(pricing.service(new Pricing.Fact(key + ":cut:" + (i + 1), ChargeKind.HOLE_CUTTING, payer, day,
                    "ORDER", cause, delivered.citizenId().value(), "Hultilpasning " + cut.diameterMm() + " mm",
                    cut.quantity(), "PLATE"), "HOLE_CUTTING"));
        }
        record(pricing.service(new Pricing.Fact(key + ":delivery", ChargeKind.DELIVERY, payer, day, "ORDER", cause,
                delivered.citizenId().value(), "Levering med " + delivered.carrier(), 1, "SHIPMENT"), "DELIVERY"));
    }

    /**
     * Support minutes at the support rate. A newer revision of a contact replaces the older: the
     * difference is charged or credited (to each payer, should the payer have changed); an older
     * revision arriving late is ignored.
     */
    @ApplicationModuleListener
    void on(ContactRegistered contact) {
        String cause = contact.contactId().toString();
        charges.lockCause("CONTACT", cause);
        List<Charge> earlier = charges.ofCause("CONTACT", cause);
        String revisionKey = "contact:" + cause + ":revision:";
        boolean newer = earlier.stream().map(Charge::sourceKey)
                .map(sourceKey -> Integer.parseInt(sourceKey.substring(revisionKey.length()).split(":")[0]))
                .allMatch(revision -> revision < contact.revision());
        if (!newer) {
            return;
        }
        Map<Payer, long[]> billed = new LinkedHashMap<>();
        earlier.forEach(charge -> {
            long[] sums = billed.computeIfAbsent(charge.payer(), payer -> new long[2]);
            sums[0] += charge.quantity();
            sums[1] += charge.amountOre();
        });
        billed.putIfAbsent(contact.billedTo(), new long[2]);
        String topic = "Supporthenvendelse";
        billed.forEach((payer, sums) -> {
            long minutes = payer.equals(contact.billedTo()) ? contact.minutes() : 0;
            Pricing.Fact fact = new Pricing.Fact(revisionKey + contact.revision() + ":" + payer.kind() + payer.code(),
                    ChargeKind.SUPPORT, payer, contact.contactDate(), "CONTACT", cause,
                    contact.citizenId() == null ? null : contact.citizenId().value(), topic, minutes, "MINUTE");
            Charge priced = pricing.service(fact, "SUPPORT");
            if (earlier.isEmpty() || priced.amountOre() != sums[1] || minutes != sums[0]) {
                record(pricing.charge(new Pricing.Fact(fact.sourceKey(), fact.kind(), payer, fact.day(), fact.causeType(),
                        cause, fact.citizenId(), earlier.isEmpty() ? topic : topic + ", rettelse " + contact.revision(),
                        minutes - sums[0], "MINUTE"), fact.description(), priced.unitPriceOre(), priced.priceUnit(),
                        BigDecimal.ZERO, priced.amountOre() - sums[1], priced.priceBasis(), priced.priceValidFrom(),
                        null));
            }
        });
    }

    /** The work order's minutes at the hourly rate of its type, valid on the day it was completed. */
    @ApplicationModuleListener
    void on(WorkOrderCompleted done) {
        String cause = done.workOrderId().toString();
        String description = "Arbejdsordre" + (done.deviceSerial() == null ? "" : ", udstyr " + done.deviceSerial());
        record(pricing.hourly(new Pricing.Fact("work-order:" + cause, ChargeKind.WORK_ORDER,
                Payer.municipality(done.municipality()), done.completedOn(), "WORK_ORDER", cause,
                done.citizenId() == null ? null : done.citizenId().value(), description, done.minutes(), "MINUTE"),
                done.type().rateKind()));
    }

    @ApplicationModuleListener
    void on(LeasePeriodStarted started) {
        leases.start(started);
    }

    @ApplicationModuleListener
    void on(LeasePeriodEnded ended) {
        leases.end(ended);
    }

    private void record(Charge charge) {
        charges.record(charge, clock.instant());
    }
}
