package dk.fsc.devices.internal.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;

/**
 * A day to plan: the technicians' routes and the visits that may go into them (the planning
 * values: every visit given except those pinned to a route, which stay where they are).
 */
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
        Set<Visit> pinned = routes.stream().flatMap(route -> route.pinned().stream()).collect(Collectors.toSet());
        this.visits = new ArrayList<>(visits.stream().filter(visit -> !pinned.contains(visit)).toList());
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
        return routes.stream().mapToLong(route -> route.pinned().size() + route.getVisits().size()).sum();
    }

    /** Every hard rule met (windows, working hours, skills). */
    public boolean feasible() {
        return routes.stream().allMatch(route -> route.hardBreaches() == 0);
    }
}
