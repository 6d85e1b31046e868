package dk.fsc.reference.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dk.fsc.reference.Cluster;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.PopulationYear;
import dk.fsc.reference.ReferenceData;
import dk.fsc.reference.Region;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class ReferenceDataService implements ReferenceData {

    private final ReferenceRepository repository;

    ReferenceDataService(ReferenceRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Region> regions() {
        return repository.regions();
    }

    @Override
    public List<Municipality> municipalities() {
        return repository.municipalities();
    }

    @Override
    public Optional<Municipality> municipality(MunicipalityCode code) {
        return repository.municipality(code);
    }

    @Override
    public List<Cluster> clusters() {
        return repository.clusters();
    }

    @Override
    public List<Integer> populationYears() {
        return repository.populationYears();
    }

    @Override
    public Optional<PopulationYear> populationYear(int year) {
        return repository.populationYear(year);
    }

    @Override
    public Optional<PopulationYear> allocationYear(String regionCode) {
        return repository.newestYearCompleteFor(regionCode).flatMap(repository::populationYear);
    }

    /** A loaded year, with the regions whose allocations it is the default basis of. */
    record ListedYear(PopulationYear year, List<String> defaultFor) {
    }

    /** Every loaded year, newest first, for the reference pages and API. */
    List<ListedYear> listedYears() {
        Map<Integer, List<String>> defaults = new HashMap<>();
        for (Region region : regions()) {
            repository.newestYearCompleteFor(region.code()).ifPresent(
                    year -> defaults.computeIfAbsent(year, key -> new ArrayList<>()).add(region.code()));
        }
        return populationYears().stream().flatMap(year -> populationYear(year).stream())
                .map(year -> new ListedYear(year, defaults.getOrDefault(year.year(), List.of())))
                .toList();
    }
}
