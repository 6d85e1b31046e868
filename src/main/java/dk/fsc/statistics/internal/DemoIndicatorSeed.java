package dk.fsc.statistics.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dk.fsc.shared.seed.Seed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The referrals to municipal smoking cessation in Region Midtjylland in 2019 as the health
 * steering group's minutes of 6 November 2019 give them (economics.md E8): per cluster and
 * quarter, from hospitals (target 750 a quarter) and from general practice; the Aarhus
 * cluster's second quarter lacks May. The fourth quarter had not been counted yet.
 */
@Component
@Profile("demo")
class DemoIndicatorSeed implements Seed {

    static final UUID FROM_HOSPITALS = UUID.fromString("5e000000-0000-4000-8000-000000000001");
    static final UUID FROM_GENERAL_PRACTICE = UUID.fromString("5e000000-0000-4000-8000-000000000002");
    private static final List<String> CLUSTERS = List.of("Aarhusklyngen", "Randersklyngen", "Horsensklyngen",
            "Midtklyngen", "Vestklyngen");
    private static final String MAY_MISSING = "Maj mangler";

    private final IndicatorRepository repository;
    private final Clock clock;

    DemoIndicatorSeed(IndicatorRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "statistics/demo-indicators";
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public void apply() {
        define(FROM_HOSPITALS, "Fra hospitaler", 750L);
        values(FROM_HOSPITALS, "2019-Q1", 23, 73, 68, 74, 100);
        values(FROM_HOSPITALS, "2019-Q2", 17, 62, 84, 64, 104);
        values(FROM_HOSPITALS, "2019-Q3", 13, 111, 76, 42, 166);
        define(FROM_GENERAL_PRACTICE, "Fra almen praksis", null);
        values(FROM_GENERAL_PRACTICE, "2019-Q2", 8, 13, 21, 9, 36);
        values(FROM_GENERAL_PRACTICE, "2019-Q3", 17, 9, 14, 5, 24);
    }

    private void define(UUID id, String source, @Nullable Long target) {
        repository.insert(new Indicator(id, "Henvisninger til kommunal rygestopindsats", "henvisninger",
                Period.Kind.QUARTER, Indicator.Breakdown.CLUSTER, "1082", source, quarter("2019-Q1"),
                quarter("2019-Q4"), target, CLUSTERS, clock.instant(), "demo"));
    }

    private void values(UUID indicator, String period, long... perCluster) {
        for (int i = 0; i < CLUSTERS.size(); i++) {
            boolean mayMissing = i == 0 && period.equals("2019-Q2");
            repository.save(indicator, new IndicatorValue(CLUSTERS.get(i), quarter(period), perCluster[i], mayMissing,
                    mayMissing ? MAY_MISSING : null), clock.instant(), "demo");
        }
    }

    private static Period quarter(String code) {
        return Period.parse(Period.Kind.QUARTER, code).orElseThrow();
    }
}
