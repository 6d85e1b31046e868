package dk.fsc.assortment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import dk.fsc.shared.seed.Seed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * FSC's service rates for the demo. The sources name the rates but give no amounts, so these
 * are plausible figures, marked as demo figures; only the base contribution, 2.7 million kr a
 * year, is the one the sources state. Support and service went up on 2026-01-01.
 */
@Component
@Profile("demo")
class DemoServiceRatesSeed implements Seed {

    private static final LocalDate FROM_2025 = LocalDate.of(2025, 1, 1);
    private static final LocalDate FROM_2026 = LocalDate.of(2026, 1, 1);
    /** Lease per month of each demo device model, in øre. */
    private static final Map<UUID, Long> LEASES = Map.of(DemoAssortmentSeed.DISPENSER_BASIC, 12_900L,
            DemoAssortmentSeed.DISPENSER_LOCKED, 18_900L, DemoAssortmentSeed.DISPENSER_CONNECT, 34_900L,
            DemoAssortmentSeed.product(43), 38_900L, DemoAssortmentSeed.PILL_BOX, 2_900L,
            DemoAssortmentSeed.TELEHEALTH_KIT, 49_500L, DemoAssortmentSeed.product(51), 39_500L);

    private final ServiceRateRepository rates;
    private final Clock clock;

    DemoServiceRatesSeed(ServiceRateRepository rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "assortment/demo-service-rates";
    }

    @Override
    public int order() {
        return 171;
    }

    @Override
    public void apply() {
        demo("SUPPORT", FROM_2025, 1_250);
        demo("SUPPORT", FROM_2026, 1_295);
        demo("SERVICE", FROM_2025, 65_000);
        demo("SERVICE", FROM_2026, 67_000);
        demo("SETUP", FROM_2025, 65_000);
        demo("TAKEDOWN", FROM_2025, 55_000);
        demo("ON_SITE_SUPPORT", FROM_2025, 69_500);
        demo("CONSULTANCY", FROM_2025, 95_000);
        demo("HOLE_CUTTING", FROM_2025, 450);
        demo("DELIVERY", FROM_2025, 6_500);
        demo("STORAGE", FROM_2025, 85);
        LEASES.forEach((model, amount) -> insert("DEVICE_LEASE", model, FROM_2025, amount, true));
        insert("BASE_CONTRIBUTION", null, FROM_2025, 270_000_000, false);
    }

    private void demo(String kind, LocalDate from, long amountOre) {
        insert(kind, null, from, amountOre, true);
    }

    private void insert(String kind, @Nullable UUID model, LocalDate from, long amountOre, boolean demoFigure) {
        rates.insert(kind, model, from, amountOre, demoFigure, clock.instant(), "system");
    }
}
