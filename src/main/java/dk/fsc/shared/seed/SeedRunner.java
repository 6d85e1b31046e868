package dk.fsc.shared.seed;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Applies every {@link Seed} not yet recorded in {@code fsc_seed}, each in its own transaction. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SeedRunner implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SeedRunner.class);

    private final List<Seed> seeds;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SeedRunner(List<Seed> seeds, JdbcClient jdbc, TransactionTemplate transactions) {
        this.seeds = seeds;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        seeds.stream().sorted(Comparator.comparingInt(Seed::order).thenComparing(Seed::name)).forEach(this::applyOnce);
    }

    private void applyOnce(Seed seed) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('fsc_seed'))").query().singleRow();
            boolean applied = jdbc.sql("select count(*) from fsc_seed where name = ?").param(seed.name())
                    .query(Long.class).single() > 0;
            if (!applied) {
                LOG.info("Applying seed {}", seed.name());
                seed.apply();
                jdbc.sql("insert into fsc_seed (name) values (?)").param(seed.name()).update();
            }
        });
    }
}
