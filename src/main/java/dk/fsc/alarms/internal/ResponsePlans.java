package dk.fsc.alarms.internal;

import java.net.URI;
import java.sql.Array;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.EmailAddress;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each municipality's response plan, as data: who answers an alarm first (FSC's call center, or
 * its own home care), after how many minutes an unacknowledged alarm escalates to the next level
 * (leading dispenser services: 45 and 75), its targets for acknowledging and closing, and its
 * outbound channels (webhook to its care system, e-mail). Without a plan: home care first, 45 and 75.
 */
@Component
class ResponsePlans {

    enum FirstResponse {
        FSC_AGENT,
        HOMECARE
    }

    record Plan(String municipalityCode, FirstResponse firstResponse, List<Integer> escalationMinutes,
            @Nullable String webhookUrl, @Nullable String webhookSecret, @Nullable String email,
            int targetAcknowledgeMinutes, int targetCloseMinutes) {
    }

    static final List<Integer> DEFAULT_ESCALATION = List.of(45, 75);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReferenceData reference;

    ResponsePlans(JdbcClient jdbc, Clock clock, ReferenceData reference) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.reference = reference;
    }

    Plan of(String municipalityCode) {
        return jdbc.sql("select * from alarms.response_plan where municipality_code = ?").param(municipalityCode)
                .query(ResponsePlans::plan).optional().orElse(defaultPlan(municipalityCode));
    }

    /** The plan a municipality has until it chooses one: home care first, 45 and 75 minutes. */
    static Plan defaultPlan(String municipalityCode) {
        return new Plan(municipalityCode, FirstResponse.HOMECARE, DEFAULT_ESCALATION, null, null, null, 15, 120);
    }

    /** The plans municipalities have chosen, by municipality code. */
    List<Plan> chosen() {
        return jdbc.sql("select * from alarms.response_plan order by municipality_code").query(ResponsePlans::plan).list();
    }

    private static Plan plan(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Array minutes = rs.getArray("escalation_minutes");
        return new Plan(rs.getString("municipality_code"), FirstResponse.valueOf(rs.getString("first_response")),
                Arrays.stream((Integer[]) minutes.getArray()).toList(), rs.getString("webhook_url"),
                rs.getString("webhook_secret"), rs.getString("email"), rs.getInt("target_acknowledge_minutes"),
                rs.getInt("target_close_minutes"));
    }

    /** The municipalities that bought first response from FSC's call center. */
    List<String> firstResponseByFsc() {
        return jdbc.sql("select municipality_code from alarms.response_plan where first_response = 'FSC_AGENT'")
                .query(String.class).list();
    }

    @Transactional
    Plan set(String municipalityCode, Plan plan, String by) {
        if (reference.municipality(MunicipalityCode.parse("municipalityCode", municipalityCode)).isEmpty()) {
            throw new NotFoundException("No municipality " + municipalityCode);
        }
        List<FieldError> errors = new ArrayList<>();
        List<Integer> minutes = plan.escalationMinutes();
        for (int i = 0; i < minutes.size(); i++) {
            if (minutes.get(i) < 1 || minutes.get(i) > 1440 || (i > 0 && minutes.get(i) <= minutes.get(i - 1))) {
                errors.add(FieldError.of("escalationMinutes", "alarms.error.escalation"));
                break;
            }
        }
        if (minutes.size() > 5) {
            errors.add(FieldError.of("escalationMinutes", "alarms.error.escalation"));
        }
        if (plan.webhookUrl() != null && !httpUrl(plan.webhookUrl())) {
            errors.add(FieldError.of("webhookUrl", "alarms.error.webhookUrl"));
        }
        if (plan.webhookUrl() != null && (plan.webhookSecret() == null || !StandardWebhooks.wellFormed(plan.webhookSecret()))) {
            errors.add(FieldError.of("webhookSecret", "alarms.error.secret"));
        }
        if (plan.email() != null && !EmailAddress.isValid(plan.email())) {
            errors.add(FieldError.of("email", "alarms.error.email"));
        }
        if (plan.targetAcknowledgeMinutes() < 1 || plan.targetCloseMinutes() < plan.targetAcknowledgeMinutes()) {
            errors.add(FieldError.of("targetCloseMinutes", "alarms.error.targets"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The response plan has invalid fields.", errors);
        }
        jdbc.sql("""
                insert into alarms.response_plan (municipality_code, first_response, escalation_minutes, webhook_url,
                    webhook_secret, email, target_acknowledge_minutes, target_close_minutes, changed_at, changed_by)
                values (?, ?, ?::int[], ?, ?, ?, ?, ?, ?, ?)
                on conflict (municipality_code) do update set first_response = excluded.first_response,
                    escalation_minutes = excluded.escalation_minutes, webhook_url = excluded.webhook_url,
                    webhook_secret = excluded.webhook_secret, email = excluded.email,
                    target_acknowledge_minutes = excluded.target_acknowledge_minutes,
                    target_close_minutes = excluded.target_close_minutes,
                    changed_at = excluded.changed_at, changed_by = excluded.changed_by
                """).params(municipalityCode, plan.firstResponse().name(), minutes.toArray(Integer[]::new),
                plan.webhookUrl(), plan.webhookSecret(), plan.email(), plan.targetAcknowledgeMinutes(),
                plan.targetCloseMinutes(), AlarmBook.utc(clock.instant()), by).update();
        jdbc.sql("insert into alarms.change_log (at, actor, subject, detail) values (?, ?, ?, ?)")
                .params(AlarmBook.utc(clock.instant()), by, "response-plan:" + municipalityCode,
                        plan.firstResponse() + " " + minutes + (plan.webhookUrl() == null ? "" : " webhook")
                                + (plan.email() == null ? "" : " e-mail"))
                .update();
        return of(municipalityCode);
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
