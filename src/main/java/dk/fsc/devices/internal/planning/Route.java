package dk.fsc.devices.internal.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPinToIndex;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

/**
 * One technician's day: from the home base through the visits in order and back. The first
 * {@code pinned} visits are fixed (already promised or under way) and stay where they are.
 * Times are minutes from midnight; driving at {@link #KM_PER_HOUR}.
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
    @PlanningListVariable(allowsUnassignedValues = true)
    private List<Visit> visits = new ArrayList<>();
    @PlanningPinToIndex
    private int pinned;

    public Route() {
    }

    public Route(String technicianId, Place home, int dayStart, int dayEnd, Set<String> skills, List<Visit> pinnedVisits) {
        this.technicianId = technicianId;
        this.home = home;
        this.dayStart = dayStart;
        this.dayEnd = dayEnd;
        this.skills = Set.copyOf(skills);
        this.visits = new ArrayList<>(pinnedVisits);
        this.pinned = pinnedVisits.size();
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

    public List<Visit> getVisits() {
        return visits;
    }

    public void setVisits(List<Visit> visits) {
        this.visits = visits;
    }

    public int getPinned() {
        return pinned;
    }

    public boolean canDo(Visit visit) {
        return skills.containsAll(visit.skills());
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
        List<Stop> stops = new ArrayList<>(visits.size());
        Place at = home;
        int time = dayStart;
        double km = 0;
        int late = 0;
        int missingSkills = 0;
        for (Visit visit : visits) {
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

    /** When the technician is done with the last visit (or leaves home), minutes from midnight. */
    int freeAt() {
        Place at = home;
        int time = dayStart;
        for (Visit visit : visits) {
            time = Math.max(time + drivingMinutes(at.kmTo(visit.place())), visit.windowStart()) + visit.durationMinutes();
            at = visit.place();
        }
        return time;
    }

    /** Minutes late, minutes of overtime and an hour for each visit without the skills: 0 when feasible. */
    long hardBreaches() {
        return cost().hard();
    }

    /** The route's part of the score in one pass: hard breaches, planned weight and metres driven. */
    record Cost(long hard, long medium, long metres) {
    }

    Cost cost() {
        Place at = home;
        int time = dayStart;
        long breaches = 0;
        long weight = 0;
        double km = 0;
        for (Visit visit : visits) {
            double leg = at.kmTo(visit.place());
            km += leg;
            time = Math.max(time + drivingMinutes(leg), visit.windowStart());
            breaches += Math.max(0, time - visit.windowEnd()) + (canDo(visit) ? 0 : 60);
            weight += visit.weight();
            time += visit.durationMinutes();
            at = visit.place();
        }
        double back = at.kmTo(home);
        breaches += Math.max(0, time + drivingMinutes(back) - dayEnd);
        return new Cost(breaches, weight, Math.round((km + back) * 1000));
    }

}
