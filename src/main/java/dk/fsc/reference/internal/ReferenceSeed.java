package dk.fsc.reference.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.seed.Seed;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Seeds the clusters and the 19 municipalities of Region Midtjylland from the product's
 * copy of {@code municipalities.csv}, with its rounded populations as the year 2025.
 */
@Component
class ReferenceSeed implements Seed {

    static final int SEED_POPULATION_YEAR = 2025;

    private final ReferenceRepository repository;
    private final Clock clock;

    ReferenceSeed(ReferenceRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "reference/municipalities";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void apply() {
        Map<MunicipalityCode, Integer> populations = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader reader = new InputStreamReader(
                new ClassPathResource("reference/municipalities.csv").getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                MunicipalityCode code = new MunicipalityCode(row.get("code"));
                repository.insertCluster(row.get("cluster"), row.get("region_code"));
                repository.insertMunicipality(code, row.get("name"), row.get("region_code"), row.get("cluster"));
                populations.put(code, Integer.parseInt(row.get("population_approx")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repository.replacePopulationYear(SEED_POPULATION_YEAR, "municipalities.csv (rounded approximation)",
                clock.instant(), "system", populations);
    }
}
