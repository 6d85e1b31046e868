package dk.fsc.statistics.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.seed.Seed;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The sources' two business cases: Aarhus's stoma case (economics.md E1-E3) as the text states
 * it and with the yearly spend the source's own results imply, and the medication dispensers
 * (E6) for a municipality of 90,000 (Herning in the demo population) on basic and on full
 * service; each beside the source's figures with the assumption that explains the difference.
 */
@Component
@Profile("demo")
class DemoBusinessCaseSeed implements Seed {

    static final UUID AARHUS_STOMA = UUID.fromString("5e000000-0000-4000-8000-0000000000a1");
    static final UUID DISPENSERS = UUID.fromString("5e000000-0000-4000-8000-0000000000a2");

    private final BusinessCaseRepository repository;
    private final ReferenceData referenceData;
    private final Clock clock;

    DemoBusinessCaseSeed(BusinessCaseRepository repository, ReferenceData referenceData, Clock clock) {
        this.repository = repository;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "statistics/demo-business-cases";
    }

    @Override
    public int order() {
        return 410;
    }

    @Override
    public void apply() {
        repository.insert(AARHUS_STOMA, "Stomi: Aarhus Kommune", BusinessCase.Kind.STOMA,
                figures("oneTimeShare", "191075", "yearlyShare", "1206632", "breakEvenDiscount", "9.05", "gain",
                        "528960"),
                "Kilden skriver ca. 1.385 kr. pr. borger med stomibevilling; 871 × 1.385 kr. = 1.206.335 kr., 297 kr."
                        + " under kildens 1.206.632 kr. Kildens tal svarer til 1.385,34 kr. pr. borger (5,6 mio. kr."
                        + " fordelt på ca. 4.042 borgere, eller en sats afrundet i teksten). Kildens 9,05 % og"
                        + " 528.960 kr. følger begge af et årligt indkøb på 13.866.407,50 kr. (\"13,8 mio.\" i teksten er"
                        + " afkortet) med kildens årlige andel. Version 2 bruger det indkøb; gevinsten er da 4 × 297 kr."
                        + " (og kildens afrundede engangsandel) fra kildens.",
                clock.instant(), "demo");
        Map<String, String> stoma = inputs("municipalityCitizens", "871", "keyCitizens", "4000", "yearlySpend",
                "13800000", "oneTimeCost", "2700000", "regionPart", "50", "municipalPart", "65",
                "operatingCostPerCitizen", "1385", "discount", "10", "contractYears", "4");
        repository.addVersion(AARHUS_STOMA, "Indkøb som kilden skriver: 13,8 mio. kr.", StomaCase.calculate(stoma),
                clock.instant(), "demo");
        stoma.put("yearlySpend", "13866407.50");
        repository.addVersion(AARHUS_STOMA, "Indkøb som kildens resultater forudsætter: 13.866.407,50 kr.",
                StomaCase.calculate(stoma), clock.instant(), "demo");

        repository.insert(DISPENSERS, "Medicindispensere: kommune med 90.000 indbyggere", BusinessCase.Kind.DISPENSER,
                figures("netPerCitizen", "7000", "municipalityPopulation", "90000", "investmentShare", "100000"),
                "Kilden: en kommune med 90.000 indbyggere betaler 100.000 kr. om året. Investeringen på 5,15 mio. kr."
                        + " over 3,5 år er 1.471.428,57 kr. om året; fordelt efter demo-befolkningen (1.367.200 i"
                        + " alt) er Hernings andel 96.861 kr. Kildens 100.000 kr. passer med regionens befolkning i"
                        + " 2019 på ca. 1,32 mio. Fuld service med genopfyldning giver -1.000 kr. pr. borger, fordi"
                        + " kilden ikke værdisætter den sparede personaletid.",
                clock.instant(), "demo");
        int year = referenceData.populationYears().stream().filter(y -> y == 2025).findFirst()
                .orElse(referenceData.populationYears().getFirst());
        Map<String, String> dispensers = inputs("citizens", "1000", "grossSavingPerCitizen", "22000",
                "basicServiceCost", "15000", "fullServiceCost", "23000", "serviceLevel", "BASIC", "investment",
                "5150000", "investmentYears", "3.5", "municipality", "657", "populationYear", String.valueOf(year));
        repository.addVersion(DISPENSERS, "Basisservice, 1.000 borgere", DispenserCase.calculate(dispensers,
                referenceData), clock.instant(), "demo");
        dispensers.put("serviceLevel", "FULL");
        repository.addVersion(DISPENSERS, "Fuld service med genopfyldning, 1.000 borgere",
                DispenserCase.calculate(dispensers, referenceData), clock.instant(), "demo");
    }

    private static Map<String, BigDecimal> figures(String... keysAndValues) {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        inputs(keysAndValues).forEach((key, value) -> figures.put(key, new BigDecimal(value)));
        return figures;
    }

    private static Map<String, String> inputs(String... keysAndValues) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            inputs.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return inputs;
    }
}
