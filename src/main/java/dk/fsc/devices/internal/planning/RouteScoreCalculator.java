package dk.fsc.devices.internal.planning;

import java.util.IdentityHashMap;
import java.util.Map;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.calculator.IncrementalScoreCalculator;

/**
 * The plan's score, kept up to date route by route: a move changes one or two routes, and only
 * those are costed again (one pass over each, after the change; what they cost before is kept on
 * the route). Hard: every visit starts in its window, every technician is home by the end of the
 * working day and only does what they have the skills for. Medium: plan as much as possible,
 * urgent first. Soft: drive as little as possible (metres).
 */
public class RouteScoreCalculator implements IncrementalScoreCalculator<DayPlan, HardMediumSoftScore> {

    private long hard;
    private long medium;
    private long metres;
    // Routes between beforeListVariableChanged and afterListVariableChanged, with how many
    // notifications are open on each: a route is taken out of the score once and costed again once.
    private final Map<Route, Integer> changing = new IdentityHashMap<>();

    @Override
    public void resetWorkingSolution(DayPlan plan) {
        hard = 0;
        medium = 0;
        metres = 0;
        changing.clear();
        for (Route route : plan.getRoutes()) {
            route.cost();
            add(route, 1);
        }
    }

    private void add(Route route, int sign) {
        hard += sign * route.hard();
        medium += sign * route.weight();
        metres += sign * route.metres();
    }

    @Override
    public void beforeVariableChanged(Object entity, String variableName) {
        // The plan has no basic planning variables: routes change through their list of visits.
    }

    @Override
    public void afterVariableChanged(Object entity, String variableName) {
        // As above.
    }

    @Override
    public void beforeListVariableChanged(Object entity, String variableName, int fromIndex, int toIndex) {
        Route route = (Route) entity;
        if (changing.merge(route, 1, Integer::sum) == 1) {
            add(route, -1);
        }
    }

    @Override
    public void afterListVariableChanged(Object entity, String variableName, int fromIndex, int toIndex) {
        Route route = (Route) entity;
        if (changing.merge(route, -1, Integer::sum) == 0) {
            changing.remove(route);
            route.cost();
            add(route, 1);
        }
    }

    @Override
    public HardMediumSoftScore calculateScore() {
        return HardMediumSoftScore.of(-hard, medium, -metres);
    }
}
