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

    /**
     * The default basis of population-based allocations in a region: the newest year with a
     * figure for every municipality of the region. A partial year (figures for some
     * municipalities only) is never the default; it is used only when named
     * ({@link #populationYear(int)}). Empty when no year is complete for the region.
     */
    Optional<PopulationYear> allocationYear(String regionCode);
}
