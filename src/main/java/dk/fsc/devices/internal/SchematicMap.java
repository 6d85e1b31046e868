package dk.fsc.devices.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The day's routes drawn as a schematic (an SVG without map tiles, so it works offline): each
 * technician's home and stops projected onto a 600×400 box around Region Midtjylland's extent.
 */
record SchematicMap(List<Line> routes) {

    record Point(double x, double y, int number) {
    }

    record Line(int colour, String name, Point home, List<Point> stops, String points) {
    }

    private static final double NORTH = 57.0;
    private static final double SOUTH = 55.6;
    private static final double WEST = 7.9;
    private static final double EAST = 11.0;

    static SchematicMap of(List<DayPlanning.TechnicianDay> days) {
        List<Line> lines = new ArrayList<>();
        int colour = 0;
        for (DayPlanning.TechnicianDay day : days) {
            Point home = point(day.homeLatitude(), day.homeLongitude(), 0);
            List<Point> stops = new ArrayList<>();
            StringBuilder path = new StringBuilder(coordinates(home));
            int number = 1;
            for (DayPlanning.Stop stop : day.stops()) {
                Point p = point(stop.latitude(), stop.longitude(), number++);
                stops.add(p);
                path.append(' ').append(coordinates(p));
            }
            path.append(' ').append(coordinates(home));
            lines.add(new Line(colour++ % 8, day.technician().name(), home, stops, path.toString()));
        }
        return new SchematicMap(lines);
    }

    private static Point point(double latitude, double longitude, int number) {
        double x = (longitude - WEST) / (EAST - WEST) * 600;
        double y = (NORTH - latitude) / (NORTH - SOUTH) * 400;
        return new Point(Math.round(x * 10) / 10.0, Math.round(y * 10) / 10.0, number);
    }

    private static String coordinates(Point p) {
        return p.x() + "," + p.y();
    }
}
