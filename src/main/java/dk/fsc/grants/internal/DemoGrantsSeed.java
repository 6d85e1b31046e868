package dk.fsc.grants.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.fsc.assortment.ProductId;
import dk.fsc.grants.LimitPeriod;
import dk.fsc.shared.seed.Seed;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Grants for the two demo citizens that have a login ({@code citizen-aarhus} and
 * {@code citizen-randers}), made by their municipalities' demo caseworkers, so that
 * self-service ordering can be tried at once. Quantities are packs: a citizen with a
 * two-piece stoma appliance uses about one baseplate a day and two bags.
 */
@Component
@Profile("demo")
class DemoGrantsSeed implements Seed {

    static final UUID CITIZEN_AARHUS = UUID.fromString("a0000000-0000-4000-8000-000000000751");
    static final UUID CITIZEN_RANDERS = UUID.fromString("a0000000-0000-4000-8000-000000000730");
    static final ProductId FLAT_BASEPLATE = ProductId.of("b0000000-0000-4000-8000-000000000005");

    private final GrantRepository repository;
    private final Clock clock;

    DemoGrantsSeed(GrantRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "grants-demo";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void apply() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        save(new Grant(UUID.fromString("c0000000-0000-4000-8000-000000000751"), CITIZEN_AARHUS, "751", from, null,
                null, "Kolostomi; todelt system med flad basisplade.", null, null, 1, clock.instant(),
                "caseworker-aarhus", List.of(
                        line(1, new Grant.Target(FLAT_BASEPLATE, null, null), 3),
                        line(2, new Grant.Target(null, null, "STOMA_BAG_TWO_PIECE"), 4),
                        line(3, new Grant.Target(null, null, "STOMA_ACCESSORY"), 2))));
        save(new Grant(UUID.fromString("c0000000-0000-4000-8000-000000000730"), CITIZEN_RANDERS, "730", from, null,
                null, "Let til moderat inkontinens.", null, null, 1, clock.instant(), "caseworker-randers",
                List.of(line(4, new Grant.Target(null, null, "CONTINENCE_PAD"), 6))));
    }

    private static Grant.Line line(int n, Grant.Target target, int packs) {
        return new Grant.Line(UUID.fromString("c1000000-0000-4000-8000-%012d".formatted(n)), target, packs,
                LimitPeriod.MONTH);
    }

    private void save(Grant grant) {
        repository.insert(grant);
        repository.recordRevision(grant, "MADE", clock.instant(), grant.createdBy());
    }
}
