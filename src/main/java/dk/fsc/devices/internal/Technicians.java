package dk.fsc.devices.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The technicians: working hours, home base (a postal code), skills and absences. */
@Service
class Technicians {

    /** What a technician may be asked to do; setup, takedown and training need no special skill. */
    static final Set<String> SKILLS = Set.of("DISPENSER", "TELEHEALTH", "REFILL", "REPAIR");

    record Technician(UUID id, String name, @Nullable String username, String homePostal, LocalTime dayStart,
            LocalTime dayEnd, Set<String> skills) {

        boolean canDo(Set<String> needed) {
            return skills.containsAll(needed);
        }
    }

    record Absence(UUID technicianId, LocalDate from, LocalDate to, String reason) {
    }

    private final JdbcClient jdbc;

    Technicians(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Technician> all() {
        return jdbc.sql(SELECT + " order by name").query(Technicians::map).list();
    }

    Optional<Technician> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Technicians::map).optional();
    }

    Technician require(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("No such technician"));
    }

    Optional<Technician> byUsername(String username) {
        return jdbc.sql(SELECT + " where username = ?").param(username).query(Technicians::map).optional();
    }

    /** The technicians at work on {@code day}: none absent. */
    List<Technician> atWork(LocalDate day) {
        return all().stream().filter(t -> !absent(t.id(), day)).toList();
    }

    boolean absent(UUID technicianId, LocalDate day) {
        return jdbc.sql("select count(*) from devices.technician_absence where technician_id = ? and ? between from_day"
                + " and to_day").params(technicianId, Date.valueOf(day)).query(Integer.class).single() > 0;
    }

    List<Absence> absences() {
        return jdbc.sql("select technician_id, from_day, to_day, reason from devices.technician_absence"
                + " order by from_day desc").query(Absence.class).list();
    }

    /** A technician as typed (a form or an API body): times as {@code HH:mm}, skills from {@link #SKILLS}. */
    record Typed(@Nullable String name, @Nullable String username, @Nullable String homePostal,
            @Nullable String dayStart, @Nullable String dayEnd, @Nullable List<String> skills) {
    }

    /**
     * Adds a technician ({@code id} null) or changes one, after checking every field: a name, a
     * four-digit postal code as home base, a working day that ends after it starts, known skills,
     * and a user name no other technician has.
     */
    @Transactional
    Technician save(@Nullable UUID id, Typed typed) {
        if (id != null) {
            require(id);
        }
        List<FieldError> errors = new java.util.ArrayList<>();
        String name = typed.name() == null ? "" : typed.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(FieldError.of("name", "devices.error.technician.name"));
        }
        String username = typed.username() == null || typed.username().isBlank() ? null : typed.username().strip();
        if (username != null && (username.length() > 100 || !username.matches("[A-Za-z0-9._@-]+"))) {
            errors.add(FieldError.of("username", "devices.error.technician.username"));
        }
        String home = typed.homePostal() == null ? "" : typed.homePostal().strip();
        if (!home.matches("[1-9][0-9]{3}")) {
            errors.add(FieldError.of("homePostal", "devices.error.technician.home"));
        }
        LocalTime start = time(typed.dayStart());
        LocalTime end = time(typed.dayEnd());
        if (start == null) {
            errors.add(FieldError.of("dayStart", "devices.error.technician.time"));
        }
        if (end == null || start != null && !end.isAfter(start)) {
            errors.add(FieldError.of("dayEnd", "devices.error.technician.dayEnd"));
        }
        List<String> skills = typed.skills() == null ? List.of() : typed.skills();
        if (!SKILLS.containsAll(skills)) {
            errors.add(FieldError.of("skills", "devices.error.technician.skills"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Invalid technician", errors);
        }
        if (username != null && jdbc.sql("select count(*) from devices.technician where username = ? and id <> ?")
                .params(username, id == null ? new UUID(0, 0) : id).query(Integer.class).single() > 0) {
            throw new ConflictException("Taken user name",
                    List.of(FieldError.of("username", "devices.error.technician.usernameTaken")));
        }
        Technician technician = new Technician(id == null ? UUID.randomUUID() : id, name, username, home, start, end,
                Set.copyOf(skills));
        jdbc.sql("insert into devices.technician (id, name, username, home_postal, day_start, day_end, skills)"
                + " values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do update set name = excluded.name, username ="
                + " excluded.username, home_postal = excluded.home_postal, day_start = excluded.day_start, day_end ="
                + " excluded.day_end, skills = excluded.skills")
                .params(technician.id(), name, username, home, start, end, String.join(" ", new TreeSet<>(skills)))
                .update();
        return technician;
    }

    /** A time typed as {@code HH:mm}, or null. */
    static @Nullable LocalTime time(@Nullable String text) {
        try {
            return text == null || !text.strip().matches("[0-2][0-9]:[0-5][0-9]") ? null : LocalTime.parse(text.strip());
        } catch (java.time.format.DateTimeParseException notATime) {
            return null;
        }
    }

    void add(Technician technician) {
        jdbc.sql("insert into devices.technician (id, name, username, home_postal, day_start, day_end, skills)"
                + " values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(technician.id(), technician.name(), technician.username(), technician.homePostal(),
                        technician.dayStart(), technician.dayEnd(), String.join(" ", new TreeSet<>(technician.skills())))
                .update();
    }

    /** Records an absence (illness, holiday); refused when the days are backwards or overlap one recorded. */
    @Transactional
    Absence addAbsence(UUID technicianId, @Nullable LocalDate from, @Nullable LocalDate to, String reason) {
        if (find(technicianId).isEmpty()) {
            throw InvalidInputException.of("technician", "devices.error.technician");
        }
        if (from == null || to == null || to.isBefore(from) || to.isAfter(from.plusYears(1))) {
            throw new InvalidInputException("Invalid absence", List.of(FieldError.of("to", "devices.error.absence.days")));
        }
        String why = reason.isBlank() ? "-" : reason.strip();
        if (why.length() > 200) {
            throw new InvalidInputException("Invalid absence", List.of(FieldError.of("reason", "devices.error.note.long")));
        }
        int overlapping = jdbc.sql("select count(*) from devices.technician_absence where technician_id = ?"
                + " and from_day <= ? and to_day >= ?").params(technicianId, Date.valueOf(to), Date.valueOf(from))
                .query(Integer.class).single();
        if (overlapping > 0) {
            throw new InvalidInputException("Overlapping absence",
                    List.of(FieldError.of("from", "devices.error.absence.overlap")));
        }
        jdbc.sql("insert into devices.technician_absence (technician_id, from_day, to_day, reason) values (?, ?, ?, ?)")
                .params(technicianId, Date.valueOf(from), Date.valueOf(to), why).update();
        return new Absence(technicianId, from, to, why);
    }

    private static final String SELECT = "select id, name, username, home_postal, day_start, day_end, skills"
            + " from devices.technician";

    private static Technician map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Technician(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTime(5).toLocalTime(), rs.getTime(6).toLocalTime(),
                rs.getString(7).isBlank() ? Set.of() : Set.copyOf(Arrays.asList(rs.getString(7).split(" "))));
    }
}
