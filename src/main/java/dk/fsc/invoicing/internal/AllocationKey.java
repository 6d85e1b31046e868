package dk.fsc.invoicing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dk.fsc.reference.Payer;
import org.jspecify.annotations.Nullable;

/**
 * How an amount is shared among payers. A key is data: a finance user writes it as JSON, the
 * allocation of a named cost keeps it, and {@link Allocator} splits by it to the øre.
 */
sealed interface AllocationKey {

    /** Equal parts: each part a payer or a key of its own. */
    record Equal(List<Part> parts) implements AllocationKey {
    }

    /** Fixed percentages summing to 100: each part a payer or a key of its own. */
    record Percentages(List<Part> parts) implements AllocationKey {
    }

    /** The municipalities of a region by their population in a named year. */
    record Population(int year, String region) implements AllocationKey {
    }

    /** The municipalities of a region by their citizens with a grant in a product area on a date. */
    record GrantCount(String area, LocalDate date, String region) implements AllocationKey {
    }

    /**
     * Municipalities by counts given with the key, naming where they come from (e.g. the demo
     * file of citizens with a stoma grant).
     */
    record Counts(String basis, Map<String, Long> counts) implements AllocationKey {
    }

    /** A part of a composed key: a payer, or a key that shares the part further. */
    record Part(@Nullable BigDecimal percent, @Nullable Payer payer, @Nullable AllocationKey key) {
    }
}
