package dk.fsc.devices.internal.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

/**
 * One technician's day: from the home base through the visits in order and back. The pinned
 * visits (already promised or under way) come first, in their order, and are not planning values
 * at all: the solver only plans the visits after them, so it spends no time on moves that would
 * touch a pinned one. Times are minutes from midnight; driving at {@link #KM_PER_HOUR}.
 */
@PlanningEntity
public class Route {

    public static final double KM_PER_HOUR = 60.0;

    @PlanningId
    private String technicianId;
    private Place home;
    private int dayStart;
    private int dayEnd;
    private Set<String> skills;
    private List<Visit> pinned = List.of();
    @PlanningListVariable(allowsUnassignedValues = true)
    private List<Visit> visits = new ArrayList<>();

    // The route's part of the score as last costed (see cost()), kept for the score calculator.
    private long hard;
    private long weight;
    private long metres;

    public Route() {
    }

    public Route(String technicianId, Place home, int dayStart, int dayEnd, Set<String> skills, List<Visit> pinnedVisits) {
        this.technicianId = technicianId;
        this.home = home;
        this.dayStart = dayStart;
        this.dayEnd = dayEnd;
        this.skills = Set.copyOf(skills);
        this.pinned = List.copyOf(pinnedVisits);
    }

    public String getTechnicianId() {
        return technicianId;
    }

    public Place home() {
        return home;
    }

    public int dayStart() {
        return dayStart;
    }

    public int dayEnd() {
        return dayEnd;
    }

    public Set<String> skills() {
        return skills;
    }

    /** The visits the solver plans, after the pinned ones. */
    public List<Visit> getVisits() {
        return visits;
    }

    public void setVisits(List<Visit> visits) {
        this.visits = visits;
    }

    /** The pinned visits, first in the day and in this order. */
    public List<Visit> pinned() {
        return pinned;
    }

    /** Every visit of the day in order: the pinned ones, then the planned ones. */
    public List<Visit> allVisits() {
        List<Visit> all = new ArrayList<>(pinned);
        all.addAll(visits);
        return all;
    }

    private Visit visit(int index) {
        return index < pinned.size() ? pinned.get(index) : visits.get(index - pinned.size());
    }

    private int size() {
        return pinned.size() + visits.size();
    }

    public boolean canDo(Visit visit) {
        return visit.skills().isEmpty() || skills.containsAll(visit.skills());
    }

    static int drivingMinutes(double km) {
        return (int) Math.ceil(km / KM_PER_HOUR * 60);
    }

    /** A visit's planned start and end, minutes from midnight. */
    public record Stop(Visit visit, int start, int end) {
    }

    /** The schedule of the route as it stands, and how far it breaks the hard rules. */
    public record Schedule(List<Stop> stops, double km, int lateMinutes, int overtimeMinutes, int missingSkills) {
    }

    public Schedule schedule() {
        List<Stop> stops = new ArrayList<>(size());
        Place at = home;
        int time = dayStart;
        double km = 0;
        int late = 0;
        int missingSkills = 0;
        for (Visit visit : allVisits()) {
            double leg = at.kmTo(visit.place());
            km += leg;
            time = Math.max(time + drivingMinutes(leg), visit.windowStart());
            late += Math.max(0, time - visit.windowEnd());
            stops.add(new Stop(visit, time, time + visit.durationMinutes()));
            time += visit.durationMinutes();
            at = visit.place();
            if (!canDo(visit)) {
                missingSkills++;
            }
        }
        double back = at.kmTo(home);
        km += back;
        time += drivingMinutes(back);
        return new Schedule(stops, km, late, Math.max(0, time - dayEnd), missingSkills);
    }

    /** Where the technician is after the last visit (home if none). */
    Place lastPlace() {
        return size() == 0 ? home : visit(size() - 1).place();
    }

    /** When the technician is done with the last visit (or leaves home), minutes from midnight. */
    int freeAt() {
        Place at = home;
        int time = dayStart;
        for (Visit visit : allVisits()) {
            time = Math.max(time + drivingMinutes(at.kmTo(visit.place())), visit.windowStart()) + visit.durationMinutes();
            at = visit.place();
        }
        return time;
    }

    /** Minutes late, minutes of overtime and an hour for each visit without the skills: 0 when feasible. */
    long hardBreaches() {
        cost();
        return hard;
    }

    /**
     * Costs the route in one pass over its visits, on the precomputed distances and without
     * allocating: hard breaches, the weight of what it plans and the metres it drives.
     */
    void cost() {
        Place at = home;
        int time = dayStart;
        long breaches = 0;
        long planned = 0;
        long driven = 0;
        for (int i = 0, n = size(); i < n; i++) {
            Visit visit = visit(i);
            Place next = visit.place();
            driven += at.metresTo(next);
            time = Math.max(time + at.minutesTo(next), visit.windowStart());
            breaches += Math.max(0, time - visit.windowEnd()) + (canDo(visit) ? 0 : 60);
            planned += visit.weight();
            time += visit.durationMinutes();
            at = next;
        }
        breaches += Math.max(0, time + at.minutesTo(home) - dayEnd);
        hard = breaches;
        weight = planned;
        metres = driven + at.metresTo(home);
    }

    long hard() {
        return hard;
    }

    long weight() {
        return weight;
    }

    long metres() {
        return metres;
    }
}
