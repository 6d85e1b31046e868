package dk.fsc.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.fsc.identity.Role;
import dk.fsc.shared.database.JdbcPages;
import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    /** A local user as stored. */
    record StoredUser(String username, String displayName, @Nullable String passwordHash,
            @Nullable String municipalityCode, @Nullable String regionCode, @Nullable UUID citizenId, boolean enabled,
            int failedLogins, @Nullable Instant lockedUntil, Set<Role> roles) {
    }

    private static final String TABLE = "identity.app_user";
    private static final String COLUMNS = """
            username, display_name, password_hash, municipality_code, region_code, citizen_id, enabled, failed_logins,
            locked_until, (select string_agg(role, ',') from identity.user_role r
                           where r.username = app_user.username) as roles""";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredUser> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from " + TABLE + " where username = ?").param(username)
                .query(UserRepository::user).optional();
    }

    /** Users whose name or display name contains {@code text} (any case), by name; all when it is blank. */
    Paged<StoredUser> search(String text, PageQuery page) {
        if (text.isBlank()) {
            return JdbcPages.page(jdbc, COLUMNS, TABLE, "true", List.of(), "username", UserRepository::user, page);
        }
        String like = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return JdbcPages.page(jdbc, COLUMNS, TABLE,
                "lower(username) like ? escape '\\' or lower(display_name) like ? escape '\\'", List.of(like, like),
                "username", UserRepository::user, page);
    }

    /**
     * A digest of everything that decides whether and as whom the user may log in: password,
     * enabled, lock, binding and roles. Any change to one of them changes it, whichever
     * instance made the change; empty when there is no such user.
     */
    Optional<String> securityStamp(String username) {
        return jdbc.sql("""
                select encode(sha256(convert_to(row(password_hash, enabled, locked_until, municipality_code,
                    region_code, citizen_id, (select string_agg(role, ',' order by role) from identity.user_role r
                                              where r.username = app_user.username))::text, 'UTF8')), 'hex')
                from identity.app_user where username = ?""").param(username).query(String.class).optional();
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from identity.app_user where username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    void insert(String username, String displayName, @Nullable String passwordHash, @Nullable String municipalityCode,
            @Nullable String regionCode, @Nullable UUID citizenId, Set<Role> roles) {
        jdbc.sql("""
                insert into identity.app_user (username, display_name, password_hash, municipality_code, region_code,
                    citizen_id) values (?, ?, ?, ?, ?, ?)""")
                .params(username, displayName, passwordHash, municipalityCode, regionCode, citizenId).update();
        replaceRoles(username, roles);
    }

    /** Gives the user these roles and this binding (municipality, region, citizen). */
    void bind(String username, Set<Role> roles, @Nullable String municipalityCode, @Nullable String regionCode,
            @Nullable UUID citizenId) {
        jdbc.sql("update identity.app_user set municipality_code = ?, region_code = ?, citizen_id = ? where username = ?")
                .params(municipalityCode, regionCode, citizenId, username).update();
        replaceRoles(username, roles);
    }

    void setEnabled(String username, boolean enabled) {
        jdbc.sql("update identity.app_user set enabled = ? where username = ?").params(enabled, username).update();
    }

    private void replaceRoles(String username, Set<Role> roles) {
        jdbc.sql("delete from identity.user_role where username = ?").param(username).update();
        roles.forEach(role -> jdbc.sql("insert into identity.user_role (username, role) values (?, ?)")
                .params(username, role.name()).update());
    }

    /**
     * Counts a failed login at {@code now}; at {@code maxAttempts} the account is locked for
     * {@code lock}. A failure while the account is locked is not counted.
     */
    void recordFailedLogin(String username, int maxAttempts, Instant now, Duration lock) {
        jdbc.sql("""
                update identity.app_user set failed_logins = failed_logins + 1,
                    locked_until = case when failed_logins + 1 >= ? then ? else locked_until end
                where username = ? and (locked_until is null or locked_until <= ?)""")
                .params(maxAttempts, now.plus(lock).atOffset(ZoneOffset.UTC), username, now.atOffset(ZoneOffset.UTC))
                .update();
    }

    void recordSuccessfulLogin(String username) {
        jdbc.sql("update identity.app_user set failed_logins = 0, locked_until = null where username = ?")
                .param(username).update();
    }

    void unlock(String username) {
        recordSuccessfulLogin(username);
    }

    private static StoredUser user(ResultSet rs, int row) throws SQLException {
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String names = rs.getString("roles");
        if (names != null) {
            for (String name : names.split(",")) {
                roles.add(Role.valueOf(name));
            }
        }
        return new StoredUser(rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
                rs.getString("municipality_code"), rs.getString("region_code"), rs.getObject("citizen_id", UUID.class),
                rs.getBoolean("enabled"), rs.getInt("failed_logins"), locked == null ? null : locked.toInstant(),
                roles);
    }
}
