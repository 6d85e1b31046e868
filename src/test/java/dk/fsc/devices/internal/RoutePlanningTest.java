package dk.fsc.devices.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dk.fsc.devices.internal.planning.DayPlan;
import dk.fsc.devices.internal.planning.Place;
import dk.fsc.devices.internal.planning.Route;
import dk.fsc.devices.internal.planning.RoutePlanner;
import dk.fsc.devices.internal.planning.Visit;
import org.junit.jupiter.api.Test;

class RoutePlanningTest {

    @Test
    void visitsGoToTheTechnicianWithTheSkillWithinWindowsAndHoursAndPinnedVisitsStay() {
        List<Place> places = new ArrayList<>();
        Place aarhus = place(places, 56.1567, 10.2108);
        Place randers = place(places, 56.4607, 10.0364);
        Place viborg = place(places, 56.4530, 9.4020);
        Place horsens = place(places, 55.8607, 9.8503);
        Place homeA = place(places, 56.15, 10.20);
        Place homeB = place(places, 55.86, 9.85);
        Place.connect(places);
        Visit repair = new Visit("repair", viborg, 30, 8 * 60, 16 * 60, Set.of("REPAIR"), 1);
        Visit morning = new Visit("morning", randers, 20, 8 * 60, 10 * 60, Set.of(), 2);
        Visit pinned = new Visit("pinned", horsens, 20, 8 * 60, 16 * 60, Set.of(), 3);
        Visit anywhere = new Visit("anywhere", aarhus, 20, 8 * 60, 16 * 60, Set.of(), 3);
        Route a = new Route("a", homeA, 8 * 60, 16 * 60, Set.of(), List.of(pinned));
        Route b = new Route("b", homeB, 8 * 60, 16 * 60, Set.of("REPAIR"), List.of());

        DayPlan plan = RoutePlanner.plan(new DayPlan(List.of(a, b), List.of(repair, morning, pinned, anywhere)),
                Duration.ofSeconds(2));

        Route planA = plan.getRoutes().stream().filter(r -> r.getTechnicianId().equals("a")).findFirst().orElseThrow();
        Route planB = plan.getRoutes().stream().filter(r -> r.getTechnicianId().equals("b")).findFirst().orElseThrow();
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.plannedVisits()).isEqualTo(4);
        assertThat(planA.schedule().stops().getFirst().visit().getId()).isEqualTo("pinned");
        assertThat(planA.getVisits()).extracting(Visit::getId).doesNotContain("pinned");
        assertThat(planB.getVisits()).extracting(Visit::getId).contains("repair");
        for (Route route : plan.getRoutes()) {
            for (Route.Stop stop : route.schedule().stops()) {
                assertThat(stop.start()).isBetween(stop.visit().windowStart(), stop.visit().windowEnd());
            }
            assertThat(route.schedule().overtimeMinutes()).isZero();
        }
    }

    @Test
    void aDayTooFullLeavesVisitsOutRatherThanBreakingTheHours() {
        List<Place> places = new ArrayList<>();
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            visits.add(new Visit("v" + i, place(places, 56.0 + i * 0.01, 10.0), 60, 8 * 60, 16 * 60, Set.of(), 2));
        }
        Place home = place(places, 56.0, 10.0);
        Place.connect(places);
        DayPlan plan = RoutePlanner.plan(new DayPlan(List.of(new Route("a", home, 8 * 60, 12 * 60, Set.of(), List.of())),
                visits), Duration.ofSeconds(1));
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.plannedVisits()).isBetween(1L, 4L);
    }

    @Test
    void onAFullDayAnUrgentVisitPushesOutARoutineOneThatNearestNeighbourWouldHaveKept() {
        List<Place> places = new ArrayList<>();
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            visits.add(new Visit("routine" + i, place(places, 56.0 + i * 0.01, 10.0), 55, 8 * 60, 12 * 60, Set.of(), 3));
        }
        Visit urgent = new Visit("urgent", place(places, 56.035, 10.0), 55, 8 * 60, 12 * 60, Set.of(), 1);
        visits.add(urgent);
        Place home = place(places, 56.0, 10.0);
        Place.connect(places);
        Route nearestRoute = new Route("a", home, 8 * 60, 12 * 60, Set.of(), List.of());
        Route route = new Route("a", home, 8 * 60, 12 * 60, Set.of(), List.of());

        DayPlan nearest = RoutePlanner.nearestNeighbour(new DayPlan(List.of(nearestRoute), visits));
        DayPlan plan = RoutePlanner.plan(new DayPlan(List.of(route), visits), Duration.ofSeconds(1));

        assertThat(nearestRoute.getVisits()).doesNotContain(urgent);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.getRoutes().getFirst().getVisits()).contains(urgent).hasSize(4);
    }

    @Test
    void aSpreadOutDayIsPlannedInFullAndDrivesLessThanNearestNeighbourWhichLeavesVisitsOut() {
        List<Place> places = new ArrayList<>();
        List<Visit> visits = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 30; i++) {
            boolean morning = i % 5 == 0;
            visits.add(new Visit("v" + i, place(places, 55.9 + random.nextDouble() * 0.6, 9.2 + random.nextDouble() * 1.2),
                    10, 8 * 60, morning ? 13 * 60 : 16 * 60, i % 10 == 3 ? Set.of("REPAIR") : Set.of(), 1 + i % 3));
        }
        List<Route> routes = new ArrayList<>();
        List<Route> nearestRoutes = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Place home = place(places, 55.95 + t % 2 * 0.5, 9.3 + t * 0.5);
            Set<String> skills = t == 0 ? Set.of("REPAIR") : Set.of();
            routes.add(new Route("t" + t, home, 7 * 60, 17 * 60, skills, List.of()));
            nearestRoutes.add(new Route("t" + t, home, 7 * 60, 17 * 60, skills, List.of()));
        }
        Place.connect(places);

        DayPlan nearest = RoutePlanner.nearestNeighbour(new DayPlan(nearestRoutes, visits));
        DayPlan plan = RoutePlanner.plan(new DayPlan(routes, visits), Duration.ofSeconds(2));

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.plannedVisits()).isEqualTo(30).isGreaterThanOrEqualTo(nearest.plannedVisits());
        assertThat(plan.totalKm()).isLessThan(nearest.totalKm());
    }

    private static Place place(List<Place> places, double latitude, double longitude) {
        Place place = new Place(places.size(), latitude, longitude);
        places.add(place);
        return place;
    }
}
