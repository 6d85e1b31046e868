package dk.fsc.statistics.internal;

import dk.fsc.jobs.Job;
import dk.fsc.jobs.ScheduledJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rebuilds the monthly pre-aggregates from the projected facts, on demand (the jobs page), e.g.
 * after a new metric is added to {@code statistics.fact_figure}: the facts are the record, the
 * pre-aggregates only their sums.
 */
@Configuration(proxyBeanMethods = false)
class FigureRebuild {

    static final String NAME = "statistics-rebuild-figures";

    @Bean
    Job statisticsRebuildFigures(JdbcClient jdbc) {
        return new ScheduledJob(NAME, "-", tick -> jdbc.sql("select statistics.rebuild_monthly_figures()").query().singleRow());
    }
}
