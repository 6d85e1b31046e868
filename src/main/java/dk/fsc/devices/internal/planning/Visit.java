package dk.fsc.devices.internal.planning;

import java.util.List;
import java.util.Set;

import ai.timefold.solver.core.api.domain.common.PlanningId;

/**
 * A work order to plan: where, how long, the window in minutes of the day it must start in,
 * the skills it needs and its priority (1 most urgent, 3 least).
 */
public final class Visit {

    @PlanningId
    private final String id;
    private final Place place;
    private final int durationMinutes;
    private final int windowStart;
    private final int windowEnd;
    private final Set<String> skills;
    private final int priority;
    // Its nearest visits: the local search moves it only next to these (NearbyMoves).
    private List<Visit> nearest = List.of();

    public Visit(String id, Place place, int durationMinutes, int windowStart, int windowEnd, Set<String> skills,
            int priority) {
        this.id = id;
        this.place = place;
        this.durationMinutes = durationMinutes;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.skills = Set.copyOf(skills);
        this.priority = priority;
    }

    public String getId() {
        return id;
    }

    public Place place() {
        return place;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public int windowStart() {
        return windowStart;
    }

    public int windowEnd() {
        return windowEnd;
    }

    public Set<String> skills() {
        return skills;
    }

    public int priority() {
        return priority;
    }

    /** What planning it is worth: an urgent visit left out costs more than a routine one. */
    int weight() {
        return switch (priority) {
            case 1 -> 100;
            case 2 -> 30;
            default -> 10;
        };
    }

    void nearest(List<Visit> visits) {
        nearest = List.copyOf(visits);
    }

    /** The visits nearest to this one (see RoutePlanner.markNearby), nearest first. */
    List<Visit> nearest() {
        return nearest;
    }
}
