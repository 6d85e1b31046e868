package dk.fsc.reference;

import java.time.Instant;
import java.util.List;

/**
 * The population figures of one year, as loaded by an administrator. Allocations by
 * population name the year they used; the newest year is the default.
 */
public record PopulationYear(int year, String source, Instant importedAt, String importedBy, long total,
        List<Figure> figures) {

    public record Figure(String code, String name, int population) {
    }
}
