package dk.fsc.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.fsc.reference.Municipality;
import dk.fsc.reference.PopulationYear;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.LargestRemainder;

/**
 * Medication dispensers (economics.md E6): the net effect a year of citizens on basic or full
 * service, and a municipality's yearly part of the region's implementation investment split by
 * the population of a named year among the region's municipalities.
 */
final class DispenserCase {

    static final List<String> INPUTS = List.of("citizens", "grossSavingPerCitizen", "basicServiceCost",
            "fullServiceCost", "serviceLevel", "investment", "investmentYears", "municipality", "populationYear");

    private DispenserCase() {
    }

    static Calculation calculate(Map<String, String> typed, ReferenceData referenceData) {
        CaseInputs inputs = new CaseInputs(typed);
        long citizens = inputs.count("citizens");
        long gross = inputs.kroner("grossSavingPerCitizen");
        long basic = inputs.kroner("basicServiceCost");
        long full = inputs.kroner("fullServiceCost");
        String level = inputs.text("serviceLevel");
        long investment = inputs.kroner("investment");
        BigDecimal years = inputs.positive("investmentYears", BigDecimal.valueOf(100));
        String code = inputs.text("municipality");
        long year = inputs.count("populationYear");
        if (!level.isEmpty() && !level.equals("BASIC") && !level.equals("FULL")) {
            inputs.error("serviceLevel", "statistics.error.choice");
        }
        Municipality municipality = referenceData.municipalities().stream().filter(m -> m.code().equals(code))
                .findFirst().orElse(null);
        PopulationYear population = referenceData.populationYear((int) year).orElse(null);
        if (municipality == null && !code.isEmpty()) {
            inputs.error("municipality", "businessCases.error.municipality");
        }
        if (population == null && !typed.getOrDefault("populationYear", "").isBlank()) {
            inputs.error("populationYear", "businessCases.error.populationYear");
        }
        Map<String, String> checked = inputs.checked();
        if (municipality == null || population == null) {
            throw new IllegalStateException("Checked inputs without a municipality or population year");
        }

        long netPerCitizen = gross - (level.equals("FULL") ? full : basic);
        long investmentPerYear = BigDecimal.valueOf(investment).divide(years, 0, RoundingMode.HALF_UP).longValueExact();
        Map<String, Long> weights = new LinkedHashMap<>();
        List<String> region = referenceData.municipalities().stream()
                .filter(m -> m.regionCode().equals(municipality.regionCode())).map(Municipality::code).toList();
        population.figures().stream().filter(figure -> region.contains(figure.code()))
                .forEach(figure -> weights.put(figure.code(), (long) figure.population()));
        long own = weights.getOrDefault(municipality.code(), 0L);
        long share = weights.isEmpty() ? 0 : LargestRemainder.split(investmentPerYear, weights,
                (a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b))).getOrDefault(municipality.code(), 0L);
        long regionPopulation = weights.values().stream().mapToLong(Long::longValue).sum();
        return new Calculation(checked, List.of(
                Calculation.Figure.kroner("netPerCitizen", netPerCitizen),
                Calculation.Figure.kroner("netPerYear", citizens * netPerCitizen),
                Calculation.Figure.kroner("investmentPerYear", investmentPerYear),
                new Calculation.Figure("municipalityPopulation", BigDecimal.valueOf(own), Calculation.Unit.COUNT),
                new Calculation.Figure("regionPopulation", BigDecimal.valueOf(regionPopulation), Calculation.Unit.COUNT),
                Calculation.Figure.kroner("investmentShare", share),
                Calculation.Figure.kroner("netEffect", citizens * netPerCitizen - share)));
    }
}
