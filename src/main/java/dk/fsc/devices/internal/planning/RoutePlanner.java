package dk.fsc.devices.internal.planning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;

/**
 * Plans a day with Timefold Solver (vehicle routing with time windows on a list variable), and
 * the nearest-neighbour plan that the benchmark compares it with.
 */
public final class RoutePlanner {

    private RoutePlanner() {
    }

    /**
     * The best plan found within {@code limit} (or once it stops improving for a fifth of it):
     * Timefold starts from the nearest-neighbour plan, inserts what that left out and improves
     * the routes by local search. Pinned visits stay first in their routes.
     */
    public static DayPlan plan(DayPlan problem, Duration limit) {
        nearestNeighbour(problem);
        SolverConfig config = new SolverConfig().withSolutionClass(DayPlan.class).withEntityClasses(Route.class)
                .withConstraintProviderClass(RouteConstraints.class).withRandomSeed(1L)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withTerminationSpentLimit(limit)
                .withTerminationUnimprovedSpentLimit(limit.dividedBy(5).compareTo(Duration.ofSeconds(1)) < 0
                        ? Duration.ofSeconds(1) : limit.dividedBy(5));
        return SolverFactory.<DayPlan>create(config).buildSolver().solve(problem);
    }

    /**
     * The nearest-neighbour plan: again and again, the technician whose next stop is nearest
     * takes it, if it fits their skills, its window and their day; every route keeps its pinned
     * visits first. Changes the routes of {@code problem}.
     */
    public static DayPlan nearestNeighbour(DayPlan problem) {
        List<Visit> open = new ArrayList<>(problem.getVisits());
        problem.getRoutes().forEach(route -> open.removeAll(route.getVisits()));
        while (true) {
            Route bestRoute = null;
            Visit bestVisit = null;
            double bestKm = Double.MAX_VALUE;
            for (Route route : problem.getRoutes()) {
                Place at = route.getVisits().isEmpty() ? route.home() : route.getVisits().getLast().place();
                for (Visit visit : open) {
                    double km = at.kmTo(visit.place());
                    if (km < bestKm && route.canDo(visit) && fits(route, visit)) {
                        bestKm = km;
                        bestRoute = route;
                        bestVisit = visit;
                    }
                }
            }
            if (bestRoute == null) {
                return problem;
            }
            bestRoute.getVisits().add(bestVisit);
            open.remove(bestVisit);
        }
    }

    private static boolean fits(Route route, Visit visit) {
        route.getVisits().add(visit);
        boolean fits = route.hardBreaches() == 0;
        route.getVisits().removeLast();
        return fits;
    }

    /** The visits in the order they are planned, per route, for tests and reports. */
    public static List<Route> byTechnician(DayPlan plan) {
        return plan.getRoutes().stream().sorted(Comparator.comparing(Route::getTechnicianId)).toList();
    }
}
