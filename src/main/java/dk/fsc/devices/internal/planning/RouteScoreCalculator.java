package dk.fsc.devices.internal.planning;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.calculator.IncrementalScoreCalculator;

/**
 * The plan's score, kept up to date route by route: a move changes one or two routes, and only
 * those are costed again (one pass over each). Hard: every visit starts in its window, every
 * technician is home by the end of the working day and only does what they have the skills for.
 * Medium: plan as much as possible, urgent first. Soft: drive as little as possible (metres).
 */
public class RouteScoreCalculator implements IncrementalScoreCalculator<DayPlan, HardMediumSoftScore> {

    private long hard;
    private long medium;
    private long metres;

    @Override
    public void resetWorkingSolution(DayPlan plan) {
        hard = 0;
        medium = 0;
        metres = 0;
        plan.getRoutes().forEach(route -> add(route, 1));
    }

    private void add(Route route, int sign) {
        Route.Cost cost = route.cost();
        hard += sign * cost.hard();
        medium += sign * cost.medium();
        metres += sign * cost.metres();
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
    public void beforeListVariableChanged(Object route, String variableName, int fromIndex, int toIndex) {
        add((Route) route, -1);
    }

    @Override
    public void afterListVariableChanged(Object route, String variableName, int fromIndex, int toIndex) {
        add((Route) route, 1);
    }

    @Override
    public HardMediumSoftScore calculateScore() {
        return HardMediumSoftScore.of(-hard, medium, -metres);
    }
}
