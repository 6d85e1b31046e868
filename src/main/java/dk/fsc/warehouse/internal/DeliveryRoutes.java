package dk.fsc.warehouse.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The carrier's delivery routes: each a set of postal codes driven on its weekdays. A postal
 * code belongs to one route at most. An order is delivered on a day its route is driven; a
 * failed attempt is tried again on the route's next day. A postal code no route covers is
 * delivered on working days (Monday to Friday). An accepted order's day is planned by
 * {@link DeliveryPlanning}.
 */
@Service
class DeliveryRoutes {

    static final String NO_ROUTE = "No delivery route with this id.";

    record Route(UUID id, String name, List<DayOfWeek> weekdays, List<String> postalCodes) {
    }

    record RouteRequest(@Nullable String name, @Nullable List<String> weekdays, @Nullable List<String> postalCodes) {
    }

    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{4}");
    private static final int MAX_POSTAL_CODES = 2000;
    static final List<DayOfWeek> WORKING_DAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private final JdbcClient jdbc;

    DeliveryRoutes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<Route> all() {
        return jdbc.sql("select r.id, r.name, r.weekdays, coalesce(array_agg(p.postal_code order by p.postal_code)"
                + " filter (where p.postal_code is not null), '{}') as postal_codes from warehouse.delivery_route r"
                + " left join warehouse.route_postal_code p on p.route_id = r.id group by r.id order by r.name")
                .query(DeliveryRoutes::route).list();
    }

    @Transactional(readOnly = true)
    Route find(UUID id) {
        return all().stream().filter(route -> route.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException(NO_ROUTE));
    }

    @Transactional
    Route create(RouteRequest request) {
        return save(UUID.randomUUID(), request, true);
    }

    @Transactional
    Route update(UUID id, RouteRequest request) {
        if (jdbc.sql("select 1 from warehouse.delivery_route where id = ? for update").param(id).query(Integer.class)
                .optional().isEmpty()) {
            throw new NotFoundException(NO_ROUTE);
        }
        return save(id, request, false);
    }

    @Transactional
    void delete(UUID id) {
        if (jdbc.sql("delete from warehouse.delivery_route where id = ?").param(id).update() == 0) {
            throw new NotFoundException(NO_ROUTE);
        }
    }

    /** The first day after {@code after} that the route of {@code postalCode} is driven. */
    @Transactional(readOnly = true)
    LocalDate nextDay(String postalCode, LocalDate after) {
        return firstDayOnOrAfter(postalCode, after.plusDays(1));
    }

    /** {@code day} if the route of {@code postalCode} is driven then, else the route's next day after it. */
    @Transactional(readOnly = true)
    LocalDate firstDayOnOrAfter(String postalCode, LocalDate day) {
        return firstDayOnOrAfter(weekdaysOf(postalCode), day);
    }

    /** The weekdays the route of {@code postalCode} is driven: Monday to Friday when no route covers it. */
    private List<DayOfWeek> weekdaysOf(String postalCode) {
        return jdbc.sql("select r.weekdays from warehouse.delivery_route r join"
                + " warehouse.route_postal_code p on p.route_id = r.id where p.postal_code = ?").param(postalCode)
                .query((rs, row) -> weekdays(rs.getArray("weekdays"))).optional().orElse(WORKING_DAYS);
    }

    /** {@code day} if it is one of {@code weekdays} (not empty), else the first such day after it. */
    static LocalDate firstDayOnOrAfter(Collection<DayOfWeek> weekdays, LocalDate day) {
        if (weekdays.isEmpty()) {
            throw new IllegalArgumentException("A route is driven on one weekday at least");
        }
        LocalDate driven = day;
        while (!weekdays.contains(driven.getDayOfWeek())) {
            driven = driven.plusDays(1);
        }
        return driven;
    }

    /** The route of each postal code that has one. */
    Map<String, Route> byPostalCode() {
        return all().stream().flatMap(route -> route.postalCodes().stream().map(code -> Map.entry(code, route)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Route save(UUID id, RouteRequest request, boolean isNew) {
        List<FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 60) {
            errors.add(FieldError.of("name", "warehouse.error.route.name"));
        }
        List<DayOfWeek> weekdays = weekdays(request.weekdays(), errors);
        List<String> postalCodes = postalCodes(request.postalCodes(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The delivery route is refused", errors);
        }
        List<FieldError> clashes = new ArrayList<>();
        jdbc.sql("select r.name from warehouse.delivery_route r where r.name = ? and r.id <> ?").params(name, id)
                .query(String.class).optional()
                .ifPresent(taken -> clashes.add(FieldError.of("name", "warehouse.error.route.nameTaken")));
        jdbc.sql("select p.postal_code, r.name from warehouse.route_postal_code p join warehouse.delivery_route r"
                + " on r.id = p.route_id where p.postal_code = any(?) and p.route_id <> ? order by p.postal_code limit 1")
                .params(postalCodes.toArray(String[]::new), id)
                .query((rs, row) -> FieldError.of("postalCodes", "warehouse.error.route.postalCodeTaken",
                        rs.getString(1), rs.getString(2)))
                .optional().ifPresent(clashes::add);
        if (!clashes.isEmpty()) {
            throw new ConflictException("The delivery route clashes with another route", clashes);
        }
        Integer[] days = weekdays.stream().map(DayOfWeek::getValue).toArray(Integer[]::new);
        try {
            if (isNew) {
                jdbc.sql("insert into warehouse.delivery_route (id, name, weekdays) values (?, ?, ?)")
                        .params(id, name, days).update();
            } else {
                jdbc.sql("update warehouse.delivery_route set name = ?, weekdays = ? where id = ?")
                        .params(name, days, id).update();
                jdbc.sql("delete from warehouse.route_postal_code where route_id = ?").param(id).update();
            }
            jdbc.sql("insert into warehouse.route_postal_code (postal_code, route_id) select unnest(?::text[]), ?")
                    .params(postalCodes.toArray(String[]::new), id).update();
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("Another route took the name or a postal code at the same time",
                    List.of(FieldError.of("postalCodes", "warehouse.error.route.raced")));
        }
        return new Route(id, name, weekdays, postalCodes);
    }

    private static List<DayOfWeek> weekdays(@Nullable List<String> names, List<FieldError> errors) {
        Map<String, DayOfWeek> known = Arrays.stream(DayOfWeek.values())
                .collect(Collectors.toMap(DayOfWeek::name, Function.identity()));
        TreeSet<DayOfWeek> days = new TreeSet<>();
        boolean unknown = false;
        for (String name : names == null ? List.<String>of() : names) {
            Optional<DayOfWeek> day = Optional.ofNullable(name).map(String::strip).map(known::get);
            day.ifPresent(days::add);
            unknown |= day.isEmpty();
        }
        if (days.isEmpty() || unknown) {
            errors.add(FieldError.of("weekdays", "warehouse.error.route.weekdays"));
        }
        return List.copyOf(days);
    }

    private static List<String> postalCodes(@Nullable List<String> codes, List<FieldError> errors) {
        TreeSet<String> unique = new TreeSet<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            String typed = code == null ? "" : code.strip();
            if (!POSTAL_CODE.matcher(typed).matches()) {
                errors.add(FieldError.of("postalCodes", "warehouse.error.route.postalCode",
                        typed.length() > 12 ? typed.substring(0, 12) + "…" : typed));
                return List.of();
            }
            unique.add(typed);
        }
        if (unique.isEmpty() || unique.size() > MAX_POSTAL_CODES) {
            errors.add(FieldError.of("postalCodes", "warehouse.error.route.postalCodes", MAX_POSTAL_CODES));
        }
        return List.copyOf(unique);
    }

    private static Route route(ResultSet rs, int row) throws SQLException {
        return new Route(rs.getObject("id", UUID.class), rs.getString("name"), weekdays(rs.getArray("weekdays")),
                List.of((String[]) rs.getArray("postal_codes").getArray()));
    }

    private static List<DayOfWeek> weekdays(Array days) throws SQLException {
        return Arrays.stream((Integer[]) days.getArray()).map(DayOfWeek::of).toList();
    }
}
