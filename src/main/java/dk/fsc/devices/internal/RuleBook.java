package dk.fsc.devices.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dk.fsc.identity.CurrentUsers;
import dk.fsc.shared.problem.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of the needs-assessment rules. An administrator saves a new version (refused with
 * the reason when it cannot be read or has a gap) or tries rules out in test mode without saving.
 * The first version is {@link AssessmentRules#DEFAULT}, written on first use.
 */
@Service
class RuleBook {

    record RuleSet(int version, String text, AssessmentRules rules, Instant savedAt, String savedBy) {
    }

    record Version(int version, Instant savedAt, String savedBy) {
    }

    private final JdbcClient jdbc;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    RuleBook(JdbcClient jdbc, CurrentUsers currentUsers, Clock clock) {
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    @Transactional
    RuleSet current() {
        jdbc.sql("insert into devices.rule_set (version, rules, saved_at, saved_by) values (1, ?, ?, 'system')"
                + " on conflict do nothing").params(AssessmentRules.DEFAULT, java.sql.Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("select version, rules, saved_at, saved_by from devices.rule_set order by version desc limit 1")
                .query((rs, n) -> new RuleSet(rs.getInt(1), rs.getString(2), AssessmentRules.parse(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .single();
    }

    List<Version> versions() {
        return jdbc.sql("select version, saved_at, saved_by from devices.rule_set order by version desc")
                .query(Version.class).list();
    }

    /**
     * Saves {@code text} as the next version after {@code basedOn}; refused when it has a gap or
     * cannot be read, or when someone saved another version meanwhile.
     */
    @Transactional
    RuleSet save(String text, int basedOn) {
        if (text.length() > 50_000) {
            throw dk.fsc.shared.problem.InvalidInputException.of("rules", "devices.error.rules.tooLong");
        }
        AssessmentRules.parse(text);
        int current = current().version();
        if (current != basedOn) {
            throw new ConflictException("The rules changed meanwhile", List.of(
                    dk.fsc.shared.problem.FieldError.of("rules", "devices.error.rules.changed", current)));
        }
        jdbc.sql("insert into devices.rule_set (version, rules, saved_at, saved_by) values (?, ?, ?, ?)")
                .params(current + 1, text, java.sql.Timestamp.from(clock.instant()), currentUsers.require().username())
                .update();
        return current();
    }

    /** Test mode: what {@code text} (saved or not) recommends for {@code answers}. */
    AssessmentRules.Recommendation test(String text, Map<String, String> answers) {
        return AssessmentRules.parse(text).recommend(AssessmentRules.answers(answers));
    }
}
