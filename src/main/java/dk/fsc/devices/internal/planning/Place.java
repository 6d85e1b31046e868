package dk.fsc.devices.internal.planning;

/**
 * A point on the map (a visit's address or a technician's home base), with the driving
 * kilometres to every other place of the same problem, indexed by {@link #index()}.
 */
public final class Place {

    /** Danish roads are about 1.3 times longer than the straight line between two places. */
    public static final double ROAD_FACTOR = 1.3;
    private static final double EARTH_RADIUS_KM = 6371.0;

    private final int index;
    private final double latitude;
    private final double longitude;
    private double[] kmTo = new double[0];
    private long[] metresTo = new long[0];
    private int[] minutesTo = new int[0];

    public Place(int index, double latitude, double longitude) {
        this.index = index;
        this.latitude = latitude;
        this.longitude = longitude;
    }

    public int index() {
        return index;
    }

    public double latitude() {
        return latitude;
    }

    public double longitude() {
        return longitude;
    }

    public double kmTo(Place other) {
        return kmTo[other.index];
    }

    /** Driving metres to {@code other}, precomputed: the score reads it for every leg of every move. */
    long metresTo(Place other) {
        return metresTo[other.index];
    }

    /** Whole driving minutes to {@code other}, rounded up, precomputed as {@link #metresTo}. */
    int minutesTo(Place other) {
        return minutesTo[other.index];
    }

    /** Great-circle (haversine) kilometres times the road factor. */
    public static double roadKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return ROAD_FACTOR * 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Fills every place's distances to all the others; {@code places} are indexed 0..n-1. */
    public static void connect(java.util.List<Place> places) {
        for (Place from : places) {
            from.kmTo = new double[places.size()];
            from.metresTo = new long[places.size()];
            from.minutesTo = new int[places.size()];
            for (Place to : places) {
                double km = roadKm(from.latitude, from.longitude, to.latitude, to.longitude);
                from.kmTo[to.index] = km;
                from.metresTo[to.index] = Math.round(km * 1000);
                from.minutesTo[to.index] = Route.drivingMinutes(km);
            }
        }
    }
}
