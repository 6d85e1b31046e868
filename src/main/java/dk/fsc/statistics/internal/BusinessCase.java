package dk.fsc.statistics.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A business case and its versions, oldest first. {@code sourceFigures} are the figures a
 * source document gives for the same case, shown beside the product's own with the difference
 * and {@code sourceNote}, the assumption that explains it; never forced to match.
 */
public record BusinessCase(UUID id, String name, Kind kind, Map<String, BigDecimal> sourceFigures,
        @Nullable String sourceNote, Instant createdAt, String createdBy, List<Version> versions) {

    public enum Kind {
        STOMA(StomaCase.INPUTS), DISPENSER(DispenserCase.INPUTS);

        final List<String> inputs;

        Kind(List<String> inputs) {
            this.inputs = inputs;
        }

        public List<String> inputs() {
            return inputs;
        }
    }

    public record Version(int number, String label, Calculation calculation, Instant savedAt, String savedBy) {

        /** The product's figure beside the source's, for each figure the source gives. */
        public List<Comparison> comparisons(Map<String, BigDecimal> sourceFigures) {
            return calculation.figures().stream().filter(figure -> sourceFigures.containsKey(figure.key()))
                    .map(figure -> new Comparison(figure, sourceFigures.get(figure.key()))).toList();
        }
    }

    public record Comparison(Calculation.Figure product, BigDecimal source) {

        public BigDecimal difference() {
            return product.value().subtract(source);
        }
    }

    public List<Comparison> comparisons(Version version) {
        return version.comparisons(sourceFigures);
    }
}
