package dk.fsc.statistics.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A business case's result for one set of inputs: the inputs in canonical form and the figures,
 * each named by a key whose formula the page shows ({@code businessCases.formula.<key>}).
 */
public record Calculation(Map<String, String> inputs, List<Figure> figures) {

    public enum Unit {
        KRONER, PERCENT, COUNT
    }

    /** @param value kroner with two decimals (exact øre), a per cent with two decimals, or a count */
    public record Figure(String key, BigDecimal value, Unit unit) {

        static Figure kroner(String key, long øre) {
            return new Figure(key, BigDecimal.valueOf(øre, 2), Unit.KRONER);
        }
    }

    public @Nullable Figure figure(String key) {
        return figures.stream().filter(figure -> figure.key().equals(key)).findFirst().orElse(null);
    }
}
