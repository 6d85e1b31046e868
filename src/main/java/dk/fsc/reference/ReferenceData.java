package dk.fsc.reference;

import java.util.List;
import java.util.Optional;

/** What other modules may ask of the reference data. */
public interface ReferenceData {

    List<Region> regions();

    /** All municipalities, ordered by region, cluster and name, with their newest population. */
    List<Municipality> municipalities();

    Optional<Municipality> municipality(MunicipalityCode code);

    List<Cluster> clusters();

    /** The years with population figures, newest first. */
    List<Integer> populationYears();

    Optional<PopulationYear> populationYear(int year);

    /** The newest year's figures: the default basis of population-based allocations. */
    default Optional<PopulationYear> newestPopulationYear() {
        return populationYears().stream().findFirst().flatMap(this::populationYear);
    }
}
