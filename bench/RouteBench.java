import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dk.fsc.devices.internal.planning.DayPlan;
import dk.fsc.devices.internal.planning.Place;
import dk.fsc.devices.internal.planning.Route;
import dk.fsc.devices.internal.planning.RoutePlanner;
import dk.fsc.devices.internal.planning.Visit;

/**
 * A day of field service in Region Midtjylland: ORDERS work orders (400) at addresses spread by
 * population over the region's postal codes (the product's own table, a few kilometres around
 * each postal code's centre), TECHNICIANS technicians (15) living in the largest towns, planned
 * with Timefold Solver within LIMIT seconds (25) and by nearest neighbour in the same run; prints
 * the machine's load average beside the figures, since the solver's result depends on the CPU it gets.
 */
public class RouteBench {

    record PostalCode(String code, double latitude, double longitude, int inhabitants) {
    }

    static final Set<String> REGION = Set.of("751", "741", "730", "710", "707", "706", "615", "766", "727", "746",
            "791", "740", "779", "657", "661", "756", "665", "760", "671");

    public static void main(String[] args) throws Exception {
        int orders = Integer.parseInt(args.length > 0 ? args[0] : "400");
        int technicians = Integer.parseInt(args.length > 1 ? args[1] : "15");
        int limit = Integer.parseInt(args.length > 2 ? args[2] : "25");
        List<PostalCode> codes = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                RouteBench.class.getClassLoader().getResourceAsStream("devices/postal-codes.csv"), StandardCharsets.UTF_8))) {
            in.lines().skip(1).map(line -> line.split(",")).filter(f -> REGION.contains(f[4]))
                    .forEach(f -> codes.add(new PostalCode(f[0], Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                            Integer.parseInt(f[5]))));
        }
        int population = codes.stream().mapToInt(PostalCode::inhabitants).sum();
        Random random = new Random(42);
        List<Place> places = new ArrayList<>();
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            int pick = random.nextInt(population);
            PostalCode code = codes.getFirst();
            for (PostalCode candidate : codes) {
                pick -= candidate.inhabitants();
                if (pick < 0) {
                    code = candidate;
                    break;
                }
            }
            Place place = new Place(places.size(), code.latitude() + (random.nextDouble() - 0.5) * 0.04,
                    code.longitude() + (random.nextDouble() - 0.5) * 0.07);
            places.add(place);
            double kind = random.nextDouble();
            int duration = kind < 0.45 ? 5 : kind < 0.65 ? 8 : kind < 0.8 ? 10 : 15;
            Set<String> skills = kind >= 0.95 ? Set.of("REPAIR") : Set.of();
            double window = random.nextDouble();
            int from = window < 0.2 ? 8 * 60 : window < 0.4 ? 12 * 60 : 8 * 60;
            int to = window < 0.2 ? 12 * 60 : 16 * 60;
            visits.add(new Visit("wo-" + i, place, duration, from, to, skills, 1 + random.nextInt(3)));
        }
        List<PostalCode> towns = codes.stream().sorted((a, b) -> b.inhabitants() - a.inhabitants()).toList();
        List<Route> routes = new ArrayList<>();
        List<Route> nearestRoutes = new ArrayList<>();
        for (int t = 0; t < technicians; t++) {
            PostalCode home = towns.get(t % towns.size());
            Place place = new Place(places.size(), home.latitude(), home.longitude());
            places.add(place);
            Set<String> skills = t % 3 == 0 ? Set.of() : Set.of("REPAIR");
            routes.add(new Route("tech-" + t, place, 7 * 60, 17 * 60, skills, List.of()));
            nearestRoutes.add(new Route("tech-" + t, place, 7 * 60, 17 * 60, skills, List.of()));
        }
        Place.connect(places);

        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long nnStart = System.nanoTime();
        DayPlan nearest = RoutePlanner.nearestNeighbour(new DayPlan(nearestRoutes, visits));
        long nnMillis = (System.nanoTime() - nnStart) / 1_000_000;
        long start = System.nanoTime();
        DayPlan planned = RoutePlanner.plan(new DayPlan(routes, visits), Duration.ofSeconds(limit));
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("work orders %d, technicians %d, Region Midtjylland (%d postal codes by population)%n",
                orders, technicians, codes.size());
        System.out.printf("machine: %d cores, load average (1 min) %.2f before planning, %.2f after%n",
                Runtime.getRuntime().availableProcessors(), loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("timefold:          %8.1f km, %d of %d planned, feasible %s, score %s, planning time %.1f s%n",
                planned.totalKm(), planned.plannedVisits(), orders, planned.feasible(), planned.getScore(), millis / 1000.0);
        System.out.printf("nearest neighbour: %8.1f km, %d of %d planned, feasible %s, planning time %.3f s%n",
                nearest.totalKm(), nearest.plannedVisits(), orders, nearest.feasible(), nnMillis / 1000.0);
        System.out.printf("ratio timefold / nearest neighbour: %.3f (%.1f %% less driving)%n",
                planned.totalKm() / nearest.totalKm(), 100 * (1 - planned.totalKm() / nearest.totalKm()));
        double perVisit = planned.totalKm() / planned.plannedVisits();
        double nearestPerVisit = nearest.totalKm() / nearest.plannedVisits();
        System.out.printf("km per planned visit: timefold %.2f, nearest neighbour %.2f, ratio %.3f%n", perVisit,
                nearestPerVisit, perVisit / nearestPerVisit);
    }
}
