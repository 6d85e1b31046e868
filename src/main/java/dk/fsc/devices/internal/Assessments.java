package dk.fsc.devices.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.fsc.citizens.CitizenId;
import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.Citizens;
import dk.fsc.devices.AssessmentMade;
import dk.fsc.devices.NeedLevel;
import dk.fsc.grants.NewGrant;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A caseworker's needs assessment of a citizen of their municipality: the answers, the least
 * intrusive step the rules in force recommend and why, and the step chosen (a different one
 * needs a reason). The dispenser granted with it, or by a grant that follows, is linked to it
 * and keeps all of it.
 */
@Service
class Assessments {

    static final String AUDIT_ACTION = "device.assessment";

    record Assessment(UUID id, UUID citizenId, String municipality, String answers, NeedLevel recommended,
            String reasons, int ruleVersion, NeedLevel chosen, @Nullable String deviationReason, boolean training,
            @Nullable UUID grantId, Instant assessedAt, String assessedBy) {

        boolean deviates() {
            return chosen != recommended;
        }
    }

    private final JdbcClient jdbc;
    private final RuleBook ruleBook;
    private final Citizens citizens;
    private final CurrentUsers currentUsers;
    private final DispenserGrants dispensers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Assessments(JdbcClient jdbc, RuleBook ruleBook, Citizens citizens, CurrentUsers currentUsers,
            DispenserGrants dispensers, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.dispensers = dispensers;
        this.ruleBook = ruleBook;
        this.citizens = citizens;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    CitizenView citizen(UUID citizenId, String action) {
        return citizens.find(citizenId, action).orElseThrow(() -> new NotFoundException("No such citizen"));
    }

    /**
     * The dispenser a caseworker grants with the assessment: a device model of the dispenser area,
     * or the area itself (any model whose functions cover the chosen step), and the grant's limit
     * and period, as typed (grants checks them).
     */
    record DispenserGrant(@Nullable String modelId, @Nullable String quantity, @Nullable String period,
            @Nullable String validFrom, @Nullable String validTo) {

        /** The form's and the API's fields of the grant are named {@code grant.<component>}. */
        private static final String FIELDS = "grant.";

        static DispenserGrant of(Map<String, String> typed) {
            return new DispenserGrant(typed.get(FIELDS + "modelId"), typed.get(FIELDS + "quantity"),
                    typed.get(FIELDS + "period"), typed.get(FIELDS + "validFrom"), typed.get(FIELDS + "validTo"));
        }
    }

    /** Saves the assessment alone (a step without a dispenser, or a new assessment of a granted citizen). */
    @Transactional
    Assessment assess(UUID citizenId, Map<String, String> typed) {
        return assess(citizenId, typed, null);
    }

    /**
     * Saves the assessment and, when {@code grant} is given, grants the dispenser through the grants
     * module in the same transaction: a grant refused leaves no assessment, an assessment refused
     * makes no grant; {@link AssessmentMade} is published in it too. The grant's refusals are named {@code grant.*}
     * and come with the assessment's own in one answer (the grants module checks the grant first); a citizen with a dispenser
     * grant in force already is a conflict (a second submit of the same form grants nothing twice).
     */
    @Transactional
    Assessment assess(UUID citizenId, Map<String, String> typed, @Nullable DispenserGrant grant) {
        CitizenView citizen = citizen(citizenId, AUDIT_ACTION);
        RuleBook.RuleSet rules = ruleBook.current();
        List<FieldError> errors = new ArrayList<>();
        Map<AssessmentRules.Question, String> answers = new EnumMap<>(AssessmentRules.Question.class);
        try {
            answers = AssessmentRules.answers(typed);
        } catch (InvalidInputException incomplete) {
            errors.addAll(incomplete.errors());
        }
        NeedLevel chosen = Arrays.stream(NeedLevel.values()).filter(l -> l.name().equals(typed.get("chosen")))
                .findFirst().orElse(null);
        if (chosen == null) {
            errors.add(FieldError.of("chosen", "devices.error.chosen"));
        }
        String reason = typed.getOrDefault("deviationReason", "").strip();
        if (reason.length() > 1000) {
            errors.add(FieldError.of("deviationReason", "devices.error.deviationReason.long"));
        }
        AssessmentRules.Recommendation recommendation = errors.isEmpty() ? rules.rules().recommend(answers) : null;
        if (recommendation != null && chosen != recommendation.level() && reason.isEmpty()) {
            errors.add(FieldError.of("deviationReason", "devices.error.deviationReason"));
        }
        NewGrant newGrant = grant == null ? null : dispensers.grant(grant, chosen, errors);
        if (newGrant != null) {
            errors.addAll(dispensers.check(citizenId, newGrant));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The assessment cannot be saved", errors);
        }
        UUID grantId = newGrant == null ? null : dispensers.make(citizenId, newGrant);
        Assessment assessment = new Assessment(UUID.randomUUID(), citizenId, citizen.municipalityCode(),
                answers.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")),
                recommendation.level(), String.join("\n", recommendation.reasons()), rules.version(), chosen,
                chosen == recommendation.level() ? null : reason, "on".equals(typed.get("training"))
                        || "true".equals(typed.get("training")),
                grantId, clock.instant(), currentUsers.require().username());
        jdbc.sql("insert into devices.assessment (id, citizen_id, municipality, answers, recommended, reasons,"
                + " rule_version, chosen, deviation_reason, training, grant_id, assessed_at, assessed_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(assessment.id(), citizenId, assessment.municipality(), assessment.answers(),
                        assessment.recommended().name(), assessment.reasons(), assessment.ruleVersion(),
                        chosen.name(), assessment.deviationReason(), assessment.training(), grantId,
                        Timestamp.from(assessment.assessedAt()), assessment.assessedBy())
                .update();
        events.publishEvent(new AssessmentMade(assessment.id(), new CitizenId(citizenId),
                new MunicipalityCode(assessment.municipality()), assessment.recommended(), chosen,
                assessment.ruleVersion(), assessment.deviates(),
                LocalDate.ofInstant(assessment.assessedAt(), TimeConfiguration.DANISH_TIME), assessment.assessedAt()));
        return assessment;
    }

    List<Assessment> ofCitizen(UUID citizenId) {
        return jdbc.sql(SELECT + " where citizen_id = ? order by assessed_at desc").param(citizenId)
                .query(Assessments::map).list();
    }

    /**
     * The citizen's newest assessment that is the grant's or not yet linked to a grant (a new
     * assessment after the grant was made replaces the grant's); it is linked to the grant now.
     */
    @Transactional
    Optional<Assessment> linkToGrant(UUID citizenId, UUID grantId) {
        Optional<Assessment> newest = jdbc.sql(SELECT + " where citizen_id = ? and (grant_id = ? or grant_id is null)"
                + " order by assessed_at desc limit 1 for update").params(citizenId, grantId).query(Assessments::map)
                .optional();
        newest.filter(a -> a.grantId() == null).ifPresent(a -> jdbc.sql(
                "update devices.assessment set grant_id = ? where id = ?").params(grantId, a.id()).update());
        return newest;
    }

    /** The doses a day answered in the grant's assessment, or 0 when it has none. */
    int dosesPerDay(UUID grantId) {
        return jdbc.sql(SELECT + " where grant_id = ?").param(grantId).query(Assessments::map).optional()
                .flatMap(a -> java.util.Arrays.stream(a.answers().split(", "))
                        .filter(answer -> answer.startsWith(AssessmentRules.Question.dosesPerDay.name() + "="))
                        .findFirst())
                .map(answer -> Integer.parseInt(answer.substring(answer.indexOf('=') + 1))).orElse(0);
    }

    private static final String SELECT = "select id, citizen_id, municipality, answers, recommended, reasons,"
            + " rule_version, chosen, deviation_reason, training, grant_id, assessed_at, assessed_by"
            + " from devices.assessment";

    private static Assessment map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Assessment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), NeedLevel.valueOf(rs.getString(5)), rs.getString(6), rs.getInt(7),
                NeedLevel.valueOf(rs.getString(8)), rs.getString(9), rs.getBoolean(10), rs.getObject(11, UUID.class),
                rs.getTimestamp(12).toInstant(), rs.getString(13));
    }
}
