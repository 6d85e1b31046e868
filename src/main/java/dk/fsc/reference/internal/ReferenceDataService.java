package dk.fsc.reference.internal;

import java.util.List;
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
}
