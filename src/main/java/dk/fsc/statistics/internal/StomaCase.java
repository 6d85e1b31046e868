package dk.fsc.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.fsc.shared.LargestRemainder;

/**
 * The stoma business case of a municipality (economics.md E1-E3): its share of the one-time
 * costs by the key of citizens with a stoma grant, its yearly operating share per citizen, and
 * what a product discount must be for the contract to pay: gain(d) = years × spend × d −
 * (years × yearly share + one-time share).
 */
final class StomaCase {

    static final List<String> INPUTS = List.of("municipalityCitizens", "keyCitizens", "yearlySpend", "oneTimeCost",
            "regionPart", "municipalPart", "operatingCostPerCitizen", "discount", "contractYears");

    private StomaCase() {
    }

    static Calculation calculate(Map<String, String> typed) {
        CaseInputs inputs = new CaseInputs(typed);
        long citizens = inputs.count("municipalityCitizens");
        long keyCitizens = inputs.count("keyCitizens");
        long spend = inputs.kroner("yearlySpend");
        long oneTimeCost = inputs.kroner("oneTimeCost");
        BigDecimal regionPart = inputs.percent("regionPart");
        BigDecimal municipalPart = inputs.percent("municipalPart");
        long perCitizen = inputs.kroner("operatingCostPerCitizen");
        BigDecimal discount = inputs.percent("discount");
        long years = inputs.count("contractYears");
        if (keyCitizens < citizens || keyCitizens == 0) {
            inputs.error("keyCitizens", "businessCases.error.keyCitizens");
        }
        if (years == 0) {
            inputs.error("contractYears", "businessCases.error.positive");
        }
        if (spend == 0) {
            inputs.error("yearlySpend", "businessCases.error.positive");
        }
        Map<String, String> checked = inputs.checked();

        long municipalities = BigDecimal.valueOf(oneTimeCost).multiply(regionPart).multiply(municipalPart)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        Map<String, Long> key = new LinkedHashMap<>();
        key.put("municipality", citizens);
        key.put("others", keyCitizens - citizens);
        // The other municipalities of the key come first in a tie, as the full split by municipality code gives
        // the larger municipality its floor (E1: Aarhus 19,107,562 øre).
        long oneTimeShare = LargestRemainder.split(municipalities, key,
                (a, b) -> a.equals(b) ? 0 : a.equals("others") ? -1 : 1).get("municipality");
        long yearlyShare = citizens * perCitizen;
        long contractCost = years * yearlyShare + oneTimeShare;
        long contractSpend = years * spend;
        BigDecimal breakEven = BigDecimal.valueOf(contractCost).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(contractSpend), 2, RoundingMode.HALF_UP);
        long saving = BigDecimal.valueOf(contractSpend).multiply(discount).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        return new Calculation(checked, List.of(
                Calculation.Figure.kroner("municipalitiesOneTime", municipalities),
                Calculation.Figure.kroner("oneTimeShare", oneTimeShare),
                Calculation.Figure.kroner("yearlyShare", yearlyShare),
                Calculation.Figure.kroner("contractCost", contractCost),
                new Calculation.Figure("breakEvenDiscount", breakEven, Calculation.Unit.PERCENT),
                Calculation.Figure.kroner("contractSaving", saving),
                Calculation.Figure.kroner("gain", saving - contractCost)));
    }
}
