package dk.fsc.alarms.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dispenser vendors whose systems send device events: each is bound to one API key (by its
 * name) and signs with its secret; a new secret keeps the old one valid until the next change.
 */
@Component
class Vendors {

    /** A vendor as the ingest sees it: the secrets its signatures may use. */
    record Vendor(String code, String apiKeyName, List<String> secrets) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Vendors(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A vendor as the administrator sees it: never its secrets, only whether a rotation is under way. */
    record Listed(String code, String apiKeyName, boolean rotating, Instant changedAt, String changedBy) {
    }

    List<Listed> list() {
        return jdbc.sql("select code, api_key_name, previous_secret is not null as rotating, changed_at, changed_by"
                + " from alarms.vendor order by code").query((rs, i) -> new Listed(rs.getString(1), rs.getString(2),
                        rs.getBoolean(3), rs.getObject(4, java.time.OffsetDateTime.class).toInstant(), rs.getString(5)))
                .list();
    }

    /** The vendor whose API key is {@code apiKeyName}. */
    Optional<Vendor> byApiKey(String apiKeyName) {
        return jdbc.sql("select code, api_key_name, secret, previous_secret from alarms.vendor where api_key_name = ?")
                .param(apiKeyName).query((rs, i) -> {
                    List<String> secrets = new ArrayList<>(List.of(rs.getString("secret")));
                    if (rs.getString("previous_secret") != null) {
                        secrets.add(rs.getString("previous_secret"));
                    }
                    return new Vendor(rs.getString("code"), rs.getString("api_key_name"), List.copyOf(secrets));
                }).optional();
    }

    /**
     * Registers a vendor or gives it a new secret ({@code whsec_} and base64 of at least 24
     * bytes); the secret it had stays valid beside the new one, for the rotation.
     */
    @Transactional
    void register(String code, @Nullable String apiKeyName, @Nullable String secret, String by) {
        List<FieldError> errors = new ArrayList<>();
        if (!code.matches("[a-z0-9-]{2,40}")) {
            errors.add(FieldError.of("code", "alarms.error.vendorCode"));
        }
        if (apiKeyName == null || apiKeyName.isBlank() || apiKeyName.length() > 100) {
            errors.add(FieldError.of("apiKeyName", "alarms.error.required"));
        }
        if (secret == null || !StandardWebhooks.wellFormed(secret)) {
            errors.add(FieldError.of("secret", "alarms.error.secret"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The vendor has invalid fields.", errors);
        }
        Instant now = clock.instant();
        jdbc.sql("""
                insert into alarms.vendor (code, api_key_name, secret, changed_at, changed_by) values (?, ?, ?, ?, ?)
                on conflict (code) do update set api_key_name = excluded.api_key_name,
                    previous_secret = case when vendor.secret = excluded.secret then vendor.previous_secret
                                           else vendor.secret end,
                    secret = excluded.secret, changed_at = excluded.changed_at, changed_by = excluded.changed_by
                """).params(code, apiKeyName.strip(), secret, now.atOffset(ZoneOffset.UTC), by).update();
    }
}
