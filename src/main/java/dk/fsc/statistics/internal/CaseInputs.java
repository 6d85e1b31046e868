package dk.fsc.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A business case's inputs as typed (kroner with up to two decimals, Danish or English
 * notation; per cents; whole numbers), read field by field: every missing, negative or
 * malformed input is named ({@code inputs.<name>}) before anything is calculated.
 */
final class CaseInputs {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_KRONER = new BigDecimal("100000000000");

    private final Map<String, String> typed;
    private final Map<String, String> normalised = new LinkedHashMap<>();
    private final List<FieldError> errors = new ArrayList<>();

    CaseInputs(@Nullable Map<String, String> typed) {
        this.typed = typed == null ? Map.of() : typed;
    }

    /** Kroner as øre. */
    long kroner(String name) {
        BigDecimal value = decimal(name, 2, MAX_KRONER);
        return value == null ? 0 : value.movePointRight(2).longValueExact();
    }

    /** A share in per cent, 0 to 100, as a fraction with up to four decimals of a per cent. */
    BigDecimal percent(String name) {
        BigDecimal value = decimal(name, 4, HUNDRED);
        return value == null ? BigDecimal.ZERO : value.divide(HUNDRED, 6, RoundingMode.UNNECESSARY);
    }

    long count(String name) {
        BigDecimal value = decimal(name, 0, BigDecimal.valueOf(100_000_000));
        return value == null ? 0 : value.longValueExact();
    }

    /** A positive number with up to two decimals, e.g. 3.5 years. */
    BigDecimal positive(String name, BigDecimal max) {
        BigDecimal value = decimal(name, 2, max);
        if (value != null && value.signum() == 0) {
            errors.add(FieldError.of(field(name), "businessCases.error.positive"));
            return BigDecimal.ONE;
        }
        return value == null ? BigDecimal.ONE : value;
    }

    String text(String name) {
        String value = typed.getOrDefault(name, "").strip();
        if (value.isEmpty()) {
            errors.add(FieldError.of(field(name), "statistics.error.required"));
        }
        normalised.put(name, value);
        return value;
    }

    void error(String name, String key, Object... arguments) {
        errors.add(FieldError.of(field(name), key, arguments));
    }

    /** The inputs in a canonical form (dots, no thousands separators); throws when any was refused. */
    Map<String, String> checked() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The business case's inputs are not valid.", errors);
        }
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(normalised));
    }

    private @Nullable BigDecimal decimal(String name, int scale, BigDecimal max) {
        String raw = typed.getOrDefault(name, "").strip().replace(" ", "");
        if (raw.isEmpty()) {
            errors.add(FieldError.of(field(name), "statistics.error.required"));
            return null;
        }
        String plain = raw.contains(",") || raw.matches("[0-9]{1,3}(\\.[0-9]{3})+") ? raw.replace(".", "").replace(',', '.')
                : raw;
        if (!plain.matches("-?[0-9]+(\\.[0-9]+)?")) {
            errors.add(FieldError.of(field(name), "businessCases.error.number"));
            return null;
        }
        BigDecimal value = new BigDecimal(plain);
        if (value.signum() < 0) {
            errors.add(FieldError.of(field(name), "businessCases.error.negative"));
            return null;
        }
        if (value.compareTo(max) > 0) {
            errors.add(FieldError.of(field(name), max.equals(HUNDRED) ? "businessCases.error.overHundred"
                    : "businessCases.error.tooLarge"));
            return null;
        }
        if (value.stripTrailingZeros().scale() > scale) {
            errors.add(FieldError.of(field(name), "businessCases.error.decimals", scale));
            return null;
        }
        BigDecimal exact = value.setScale(Math.max(0, Math.min(scale, value.stripTrailingZeros().scale())),
                RoundingMode.UNNECESSARY);
        normalised.put(name, exact.toPlainString());
        return exact;
    }

    private static String field(String name) {
        return "inputs." + name;
    }
}
