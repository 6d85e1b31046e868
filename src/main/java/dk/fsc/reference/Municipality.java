package dk.fsc.reference;

import org.jspecify.annotations.Nullable;

/**
 * A municipality with its region, cluster and newest known population.
 *
 * @param population     inhabitants in {@code populationYear}, the newest year with a figure
 * @param populationYear the year of that figure; null when none has been loaded
 */
public record Municipality(String code, String name, String regionCode, @Nullable String cluster,
        @Nullable Integer population, @Nullable Integer populationYear) {
}
