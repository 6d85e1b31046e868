package dk.fsc.devices.internal.planning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.score.director.ScoreDirectorFactoryConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * Plans a day with Timefold Solver (vehicle routing with time windows on a list variable), and
 * the nearest-neighbour plan that the benchmark compares it with.
 */
public final class RoutePlanner {

    private RoutePlanner() {
    }

    /** How many of its nearest visits a visit may move next to or swap with. */
    static final int NEARBY = 20;
    /** Late acceptance's memory in steps: short, so the search settles within seconds on a busy machine. */
    private static final int LATE_ACCEPTANCE = 100;

    // Built once, on the first plan: reading the domain classes and generating the solution
    // cloner takes seconds on a busy machine, and that time would come out of every plan's limit.
    private static final class Solvers {
        static final SolverFactory<DayPlan> FACTORY = SolverFactory.create(new SolverConfig()
                .withSolutionClass(DayPlan.class).withEntityClasses(Route.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withIncrementalScoreCalculatorClass(RouteScoreCalculator.class))
                .withRandomSeed(1L)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withPhases(new ConstructionHeuristicPhaseConfig(), new LocalSearchPhaseConfig()
                        .withMoveSelectorConfig(new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(NearbyMoves.class))
                        .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))));
    }

    /**
     * The best plan found within {@code limit} (or once it stops improving for half of it): the
     * nearest-neighbour plan to start from, Timefold's construction heuristic to insert what that
     * left out where it costs least, then Timefold's local search (late acceptance) over nearby
     * moves ({@link NearbyMoves}). The time to start the solver counts against the limit, but
     * the search gets at least half of it. Pinned visits stay first in their routes.
     */
    public static DayPlan plan(DayPlan problem, Duration limit) {
        long started = System.nanoTime();
        SolverFactory<DayPlan> solvers = Solvers.FACTORY;
        markNearby(problem.getVisits());
        nearestNeighbour(problem);
        long left = Math.max(limit.toMillis() / 2, limit.toMillis() - (System.nanoTime() - started) / 1_000_000);
        Solver<DayPlan> solver = solvers.buildSolver(new SolverConfigOverride()
                .withTerminationConfig(new TerminationConfig().withMillisecondsSpentLimit(left)
                        .withUnimprovedMillisecondsSpentLimit(Math.max(1000, limit.toMillis() / 2))));
        return solver.solve(problem);
    }

    /** Tells each visit its {@link #NEARBY} nearest visits. */
    static void markNearby(List<Visit> visits) {
        for (Visit visit : visits) {
            visit.nearest(visits.stream().filter(other -> other != visit)
                    .sorted(Comparator.comparingDouble(other -> visit.place().kmTo(other.place()))).limit(NEARBY).toList());
        }
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
                Place at = route.lastPlace();
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
