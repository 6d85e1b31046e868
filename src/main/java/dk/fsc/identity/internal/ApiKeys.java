package dk.fsc.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.fsc.identity.ApiScope;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, lists, checks and revokes API keys of machine clients. Only hashes are stored. */
@Service
class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    record ApiKey(UUID id, String name, String prefix, Set<ApiScope> scopes, String createdBy, Instant createdAt,
            @Nullable Instant revokedAt) {
    }

    /** A new key: {@code key} is the secret, shown this once and never again. */
    record CreatedKey(ApiKey apiKey, String key) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public CreatedKey create(@Nullable String name, @Nullable List<String> scopeNames, String createdBy) {
        List<FieldError> errors = new ArrayList<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            errors.add(FieldError.of("name", "identity.error.apiKeyName"));
        }
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        if (scopeNames == null || scopeNames.isEmpty()) {
            errors.add(FieldError.of("scopes", "identity.error.noScope"));
        } else {
            for (String scope : scopeNames) {
                try {
                    scopes.add(ApiScope.valueOf(scope));
                } catch (IllegalArgumentException e) {
                    errors.add(FieldError.of("scopes", "identity.error.unknownScope", scope));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The API key has invalid fields.", errors);
        }
        if (jdbc.sql("select count(*) from identity.api_key where lower(name) = lower(?) and revoked_at is null")
                .param(trimmed).query(Long.class).single() > 0) {
            throw new ConflictException("An active API key named " + trimmed + " exists.",
                    List.of(FieldError.of("name", "identity.error.apiKeyNameTaken")));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "fsc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String[] scopeArray = scopes.stream().map(Enum::name).toArray(String[]::new);
        jdbc.sql("""
                insert into identity.api_key (id, name, prefix, key_hash, scopes, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, trimmed, key.substring(0, 8), hash(key), scopeArray, createdBy, now.atOffset(ZoneOffset.UTC))
                .update();
        return new CreatedKey(new ApiKey(id, trimmed, key.substring(0, 8), scopes, createdBy, now, null), key);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public List<ApiKey> all() {
        return jdbc.sql("select * from identity.api_key order by revoked_at nulls first, created_at desc")
                .query(ApiKeys::apiKey).list();
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public ApiKey revoke(UUID id) {
        int changed = jdbc.sql("update identity.api_key set revoked_at = ? where id = ? and revoked_at is null")
                .params(clock.instant().atOffset(ZoneOffset.UTC), id).update();
        ApiKey key = jdbc.sql("select * from identity.api_key where id = ?").param(id).query(ApiKeys::apiKey)
                .optional().orElseThrow(() -> new NotFoundException("No API key " + id + "."));
        if (changed == 0) {
            throw new ConflictException("The API key " + key.name() + " is already revoked.");
        }
        return key;
    }

    /** The active key with this secret, if any. */
    @Transactional(readOnly = true)
    public Optional<ApiKey> authenticate(String key) {
        return jdbc.sql("select * from identity.api_key where key_hash = ? and revoked_at is null").param(hash(key))
                .query(ApiKeys::apiKey).optional();
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiKey apiKey(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("scopes");
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String scope : (String[]) array.getArray()) {
            scopes.add(ApiScope.valueOf(scope));
        }
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"), scopes,
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
