package dk.fsc.devices.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.devices.internal.planning.DayPlan;
import dk.fsc.devices.internal.planning.Place;
import dk.fsc.devices.internal.planning.Route;
import dk.fsc.devices.internal.planning.RoutePlanner;
import dk.fsc.devices.internal.planning.Visit;
import dk.fsc.shared.TimeConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans a day: the open visits that can be done (not waiting, citizen not paused) go to the
 * technicians at work that day, routed by Timefold Solver. Visits pinned by hand stay with their
 * technician in their order; planning again during the day (a visit added, a technician ill)
 * keeps what was pinned and moves the rest. What does not fit stays open for another day.
 */
@Service
class DayPlanning {

    record Stop(WorkOrders.WorkOrder work, double latitude, double longitude) {
    }

    record TechnicianDay(Technicians.Technician technician, double homeLatitude, double homeLongitude,
            List<Stop> stops, double km) {
    }

    record Result(LocalDate day, int planned, int open, double km, long millis) {
    }

    private final WorkOrders workOrders;
    private final Technicians technicians;
    private final Pauses pauses;
    private final PostalCodes postalCodes;
    private final Duration limit;

    DayPlanning(WorkOrders workOrders, Technicians technicians, Pauses pauses, PostalCodes postalCodes,
            @Value("${fsc.devices.planning-seconds:10}") long seconds) {
        this.workOrders = workOrders;
        this.technicians = technicians;
        this.pauses = pauses;
        this.postalCodes = postalCodes;
        this.limit = Duration.ofSeconds(seconds);
    }

    @Transactional
    Result plan(LocalDate day) {
        long started = System.nanoTime();
        Instant dayStart = day.atStartOfDay(TimeConfiguration.DANISH_TIME).toInstant();
        List<Technicians.Technician> atWork = technicians.atWork(day);
        List<Place> places = new ArrayList<>();
        Map<String, WorkOrders.WorkOrder> byId = new HashMap<>();
        List<Visit> visits = new ArrayList<>();
        Map<UUID, List<Visit>> pinned = new HashMap<>();
        for (WorkOrders.WorkOrder work : workOrders.plannable()) {
            boolean pinnedToday = work.pinned() && day.equals(work.plannedDay());
            boolean pinnedElsewhere = work.pinned() && !pinnedToday;
            if (pinnedElsewhere || work.citizenId() != null && pauses.paused(work.citizenId(), day)
                    || pinnedToday && atWork.stream().noneMatch(t -> t.id().equals(work.technicianId()))) {
                if (!pinnedElsewhere && day.equals(work.plannedDay())) {
                    workOrders.plan(work.id(), null, null, null, false);
                }
                continue;
            }
            PostalCodes.Coordinates at = postalCodes.of(work.postalCode() == null ? "8000" : work.postalCode());
            Place place = new Place(places.size(), at.latitude(), at.longitude());
            places.add(place);
            int from = work.windowFrom() == null ? 0 : minuteOfDay(work.windowFrom(), dayStart);
            int to = work.windowTo() == null ? 24 * 60 : minuteOfDay(work.windowTo(), dayStart);
            Visit visit = new Visit(work.id().toString(), place, work.durationMinutes(), from, to, work.skillSet(),
                    work.priority());
            visits.add(visit);
            byId.put(visit.getId(), work);
            if (pinnedToday) {
                pinned.computeIfAbsent(work.technicianId(), t -> new ArrayList<>()).add(visit);
            }
        }
        List<Route> routes = new ArrayList<>();
        for (Technicians.Technician technician : atWork) {
            PostalCodes.Coordinates home = postalCodes.of(technician.homePostal());
            Place place = new Place(places.size(), home.latitude(), home.longitude());
            places.add(place);
            List<Visit> fixed = pinned.getOrDefault(technician.id(), List.of()).stream()
                    .sorted(java.util.Comparator.comparing(v -> byId.get(v.getId()).plannedStart())).toList();
            routes.add(new Route(technician.id().toString(), place, technician.dayStart().toSecondOfDay() / 60,
                    technician.dayEnd().toSecondOfDay() / 60, technician.skills(), fixed));
        }
        Place.connect(places);
        DayPlan plan = routes.isEmpty() || visits.isEmpty() ? new DayPlan(routes, visits)
                : RoutePlanner.plan(new DayPlan(routes, visits), limit);
        int planned = 0;
        java.util.Set<String> assigned = new java.util.HashSet<>();
        for (Route route : plan.getRoutes()) {
            for (Route.Stop stop : route.schedule().stops()) {
                WorkOrders.WorkOrder work = byId.get(stop.visit().getId());
                workOrders.plan(work.id(), UUID.fromString(route.getTechnicianId()),
                        dayStart.plusSeconds(stop.start() * 60L), dayStart.plusSeconds(stop.end() * 60L),
                        work.pinned());
                assigned.add(stop.visit().getId());
                planned++;
            }
        }
        for (Visit visit : visits) {
            WorkOrders.WorkOrder work = byId.get(visit.getId());
            if (!assigned.contains(visit.getId()) && day.equals(work.plannedDay())) {
                workOrders.plan(work.id(), null, null, null, false);
            }
        }
        return new Result(day, planned, visits.size() - planned, plan.totalKm(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static int minuteOfDay(Instant at, Instant dayStart) {
        long minutes = Duration.between(dayStart, at).toMinutes();
        return (int) Math.clamp(minutes, 0, 24 * 60);
    }

    /** Each technician's day as planned: the stops in order with their places, and the kilometres driven. */
    List<TechnicianDay> days(LocalDate day) {
        ZonedDateTime start = day.atStartOfDay(TimeConfiguration.DANISH_TIME);
        List<TechnicianDay> days = new ArrayList<>();
        for (Technicians.Technician technician : technicians.all()) {
            PostalCodes.Coordinates home = postalCodes.of(technician.homePostal());
            List<Stop> stops = workOrders.plannedFor(technician.id(), start.toInstant(),
                    start.plusDays(1).toInstant()).stream().map(w -> {
                        PostalCodes.Coordinates at = postalCodes.of(w.postalCode() == null ? "8000" : w.postalCode());
                        return new Stop(w, at.latitude(), at.longitude());
                    }).toList();
            double km = 0;
            double lat = home.latitude();
            double lon = home.longitude();
            for (Stop stop : stops) {
                km += Place.roadKm(lat, lon, stop.latitude(), stop.longitude());
                lat = stop.latitude();
                lon = stop.longitude();
            }
            km += stops.isEmpty() ? 0 : Place.roadKm(lat, lon, home.latitude(), home.longitude());
            days.add(new TechnicianDay(technician, home.latitude(), home.longitude(), stops, km));
        }
        return days;
    }

    static LocalTime timeOf(Instant at) {
        return at.atZone(TimeConfiguration.DANISH_TIME).toLocalTime();
    }
}
