package dk.fsc.devices.internal.planning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.score.director.ScoreDirectorFactoryConfig;
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
     * The best plan found within {@code limit} (or once it stops improving for half of it):
     * Timefold starts from the nearest-neighbour plan, inserts what that left out and improves
     * the routes by local search. Pinned visits stay first in their routes.
     */
    public static DayPlan plan(DayPlan problem, Duration limit) {
        nearestNeighbour(problem);
        SolverConfig config = new SolverConfig().withSolutionClass(DayPlan.class).withEntityClasses(Route.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withIncrementalScoreCalculatorClass(RouteScoreCalculator.class))
                .withRandomSeed(1L)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withTerminationSpentLimit(limit)
                .withTerminationUnimprovedSpentLimit(limit.dividedBy(2).compareTo(Duration.ofSeconds(1)) < 0
                        ? Duration.ofSeconds(1) : limit.dividedBy(2));
        return SolverFactory.<DayPlan>create(config).buildSolver().solve(problem);
    }

    /**
     * The nearest-neighbour plan, Solomon's time-oriented heuristic for routes with time windows:
     * one technician after the other, from home to the "nearest" open visit that fits their
     * skills, its window and their day, again and again until nothing more fits; then the next
     * technician. Nearest weighs, in minutes (a kilometre is a minute at 60 km/h), the drive, the
     * wait until the visit can start and how soon its window closes. Every route keeps its pinned
     * visits first. Changes the routes of {@code problem}.
     */
    public static DayPlan nearestNeighbour(DayPlan problem) {
        List<Visit> open = new ArrayList<>(problem.getVisits());
        problem.getRoutes().forEach(route -> open.removeAll(route.getVisits()));
        for (Route route : problem.getRoutes()) {
            while (true) {
                Place at = route.getVisits().isEmpty() ? route.home() : route.getVisits().getLast().place();
                int freeAt = route.freeAt();
                Visit nearest = null;
                double nearestCost = Double.MAX_VALUE;
                for (Visit visit : open) {
                    double km = at.kmTo(visit.place());
                    int start = Math.max(freeAt + Route.drivingMinutes(km), visit.windowStart());
                    double cost = km + (start - freeAt) + (visit.windowEnd() - start);
                    if (cost < nearestCost && route.canDo(visit) && start <= visit.windowEnd() && start
                            + visit.durationMinutes() + Route.drivingMinutes(visit.place().kmTo(route.home())) <= route.dayEnd()) {
                        nearest = visit;
                        nearestCost = cost;
                    }
                }
                if (nearest == null) {
                    break;
                }
                route.getVisits().add(nearest);
                open.remove(nearest);
            }
        }
        return problem;
    }

    /** The visits in the order they are planned, per route, for tests and reports. */
    public static List<Route> byTechnician(DayPlan plan) {
        return plan.getRoutes().stream().sorted(Comparator.comparing(Route::getTechnicianId)).toList();
    }
}
