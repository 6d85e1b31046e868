package dk.fsc.devices.internal.planning;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;

/** A day to plan: the technicians' routes and every visit that may go into them. */
@PlanningSolution
public class DayPlan {

    @PlanningEntityCollectionProperty
    private List<Route> routes;
    @ValueRangeProvider
    @ProblemFactCollectionProperty
    private List<Visit> visits;
    @PlanningScore
    private HardMediumSoftScore score;

    public DayPlan() {
    }

    public DayPlan(List<Route> routes, List<Visit> visits) {
        this.routes = routes;
        this.visits = visits;
    }

    public List<Route> getRoutes() {
        return routes;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }

    public void setRoutes(List<Route> routes) {
        this.routes = routes;
    }

    public void setVisits(List<Visit> visits) {
        this.visits = visits;
    }

    public double totalKm() {
        return routes.stream().mapToDouble(route -> route.schedule().km()).sum();
    }

    public long plannedVisits() {
        return routes.stream().mapToLong(route -> route.getVisits().size()).sum();
    }

    /** Every hard rule met (windows, working hours, skills). */
    public boolean feasible() {
        return routes.stream().allMatch(route -> route.hardBreaches() == 0);
    }
}
