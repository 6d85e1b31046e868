package dk.fsc.assortment;

/** The hole diameters, in whole millimetres, that may be cut in a stoma baseplate. */
public record HoleRange(int minMm, int maxMm) {

    public HoleRange {
        if (minMm <= 0 || minMm > maxMm) {
            throw new IllegalArgumentException("hole range " + minMm + "-" + maxMm + " mm");
        }
    }

    public boolean allows(int diameterMm) {
        return diameterMm >= minMm && diameterMm <= maxMm;
    }
}
