package dk.fsc.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A business case's versions side by side as rows to show: each input, then each result with
 * the source's figure and each version's difference from it, formatted for the reader.
 */
public record CaseComparison(List<String> versions, List<Row> inputs, List<Row> results) {

    private static final Set<String> KRONER_INPUTS = Set.of("yearlySpend", "oneTimeCost", "operatingCostPerCitizen",
            "grossSavingPerCitizen", "basicServiceCost", "fullServiceCost", "investment");
    private static final Set<String> PERCENT_INPUTS = Set.of("regionPart", "municipalPart", "discount");

    /**
     * @param differences per version the difference from the source, empty when the source gives no figure
     */
    public record Row(String key, List<String> values, @Nullable String source, List<String> differences) {
    }

    static CaseComparison of(BusinessCase businessCase, Locale locale) {
        List<String> versions = businessCase.versions().stream().map(v -> v.number() + ": " + v.label()).toList();
        List<Row> inputs = new ArrayList<>();
        for (String name : businessCase.kind().inputs()) {
            List<String> values = businessCase.versions().stream()
                    .map(v -> input(name, v.calculation().inputs().getOrDefault(name, ""), locale)).toList();
            inputs.add(new Row(name, values, null, List.of()));
        }
        List<Row> results = new ArrayList<>();
        for (Calculation.Figure first : businessCase.versions().getFirst().calculation().figures()) {
            BigDecimal source = businessCase.sourceFigures().get(first.key());
            List<String> values = new ArrayList<>();
            List<String> differences = new ArrayList<>();
            for (BusinessCase.Version version : businessCase.versions()) {
                Calculation.Figure figure = version.calculation().figure(first.key());
                values.add(figure == null ? "" : format(figure.value(), figure.unit(), locale, false));
                if (figure != null && source != null) {
                    differences.add(format(figure.value().subtract(source), figure.unit(), locale, true));
                }
            }
            results.add(new Row(first.key(), values, source == null ? null : format(source, first.unit(), locale, false),
                    differences));
        }
        return new CaseComparison(versions, inputs, results);
    }

    private static String input(String name, String value, Locale locale) {
        if (value.isEmpty() || !value.matches("[0-9]+(\\.[0-9]+)?")) {
            return value;
        }
        Calculation.Unit unit = KRONER_INPUTS.contains(name) ? Calculation.Unit.KRONER
                : PERCENT_INPUTS.contains(name) ? Calculation.Unit.PERCENT : Calculation.Unit.COUNT;
        return format(new BigDecimal(value), unit, locale, false);
    }

    static String format(BigDecimal value, Calculation.Unit unit, Locale locale, boolean signed) {
        DecimalFormat format = new DecimalFormat(unit == Calculation.Unit.COUNT ? "#,##0.##" : "#,##0.00",
                DecimalFormatSymbols.getInstance(Locale.of(locale.getLanguage().equals("en") ? "en" : "da", "DK")));
        if (signed) {
            format.setPositivePrefix("+");
        }
        String number = format.format(value.setScale(unit == Calculation.Unit.COUNT ? Math.max(0, value.scale()) : 2,
                RoundingMode.HALF_UP));
        return switch (unit) {
            case KRONER -> number + " kr.";
            case PERCENT -> number + " %";
            case COUNT -> number;
        };
    }
}
