package dk.fsc.shared.seed;

/**
 * Data a module loads once into a fresh database: reference data always, demo data only
 * in the {@code demo} profile. Seeds run in {@link #order()} after the migrations, each at
 * most once per database, even when several instances start together.
 */
public interface Seed {

    /** A stable, unique name; it is recorded when the seed has been applied. */
    String name();

    /** Lower runs first: reference data (100s) before identity (200s) before the rest. */
    int order();

    void apply();
}
