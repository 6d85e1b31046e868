package dk.fsc.reference;

/** An administrator loaded (or replaced) the population figures of a year. */
public record PopulationYearImported(int year, int municipalities, long total) {
}
