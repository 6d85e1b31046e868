package dk.fsc.invoicing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dk.fsc.reference.Payer;
import org.jspecify.annotations.Nullable;

/**
 * An amount split by a key: every payer's part with the steps that led to it, and the bases the
 * key used (population year and figures, count date and counts), so a payer can check its share.
 */
record Allocation(long amountOre, List<Share> shares, List<Basis> bases) {

    /** A payer's part; {@code steps} from the outermost key in, each its weight of the total. */
    record Share(Payer payer, String name, long amountOre, List<Step> steps) {
    }

    /** One split on the way: {@code weight} of {@code total} by the {@code key} described in {@code basis}. */
    record Step(String key, BigDecimal weight, BigDecimal total, String basis) {
    }

    /**
     * The figures a key used.
     *
     * @param year    the population year, for a population key
     * @param date    the count date, for a grant-count key
     * @param area    the product area, for a grant-count key
     * @param source  where the figures come from
     * @param figures per payer code
     */
    record Basis(String key, @Nullable Integer year, @Nullable LocalDate date, @Nullable String area, String source,
            long total, Map<String, Long> figures) {
    }
}
