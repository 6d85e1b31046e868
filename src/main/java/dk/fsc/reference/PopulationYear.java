package dk.fsc.reference;

import java.time.Instant;
import java.util.List;

/**
 * The population figures of one year, as loaded by an administrator. Allocations by
 * population name the year they used; the default is the newest year complete for the region
 * ({@link ReferenceData#allocationYear(String)}).
 *
 * @param partial         a region has figures for some of its municipalities but not all
 * @param completeRegions the regions (codes) whose every municipality has a figure this year
 */
public record PopulationYear(int year, String source, Instant importedAt, String importedBy, long total,
        boolean partial, List<String> completeRegions, List<Figure> figures) {

    public record Figure(String code, String name, int population) {
    }
}
