package dk.fsc.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.fsc.identity.Role;
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

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredUser> find(String username) {
        return jdbc.sql("""
                select username, display_name, password_hash, municipality_code, region_code, citizen_id, enabled,
                       failed_logins, locked_until from identity.app_user where username = ?""")
                .param(username)
                .query((rs, n) -> {
                    OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
                    return new StoredUser(rs.getString("username"), rs.getString("display_name"),
                            rs.getString("password_hash"), rs.getString("municipality_code"),
                            rs.getString("region_code"), rs.getObject("citizen_id", UUID.class),
                            rs.getBoolean("enabled"), rs.getInt("failed_logins"),
                            locked == null ? null : locked.toInstant(), roles(rs.getString("username")));
                })
                .optional();
    }

    List<StoredUser> all() {
        return jdbc.sql("select username from identity.app_user order by username").query(String.class).list()
                .stream().map(name -> find(name).orElseThrow()).toList();
    }

    private Set<Role> roles(String username) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from identity.user_role where username = ?").param(username).query(String.class)
                .list().forEach(role -> roles.add(Role.valueOf(role)));
        return roles;
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

    void update(String username, String displayName, @Nullable String municipalityCode, @Nullable String regionCode,
            @Nullable UUID citizenId, boolean enabled, Set<Role> roles) {
        jdbc.sql("""
                update identity.app_user set display_name = ?, municipality_code = ?, region_code = ?, citizen_id = ?,
                    enabled = ? where username = ?""")
                .params(displayName, municipalityCode, regionCode, citizenId, enabled, username).update();
        replaceRoles(username, roles);
    }

    void setPassword(String username, String passwordHash) {
        jdbc.sql("update identity.app_user set password_hash = ? where username = ?").params(passwordHash, username)
                .update();
    }

    private void replaceRoles(String username, Set<Role> roles) {
        jdbc.sql("delete from identity.user_role where username = ?").param(username).update();
        roles.forEach(role -> jdbc.sql("insert into identity.user_role (username, role) values (?, ?)")
                .params(username, role.name()).update());
    }

    /** Counts a failed login; at {@code maxAttempts} the account is locked until {@code lockUntil}. */
    void recordFailedLogin(String username, int maxAttempts, Instant lockUntil) {
        jdbc.sql("""
                update identity.app_user set failed_logins = failed_logins + 1,
                    locked_until = case when failed_logins + 1 >= ? then ? else locked_until end
                where username = ?""")
                .params(maxAttempts, lockUntil.atOffset(ZoneOffset.UTC), username).update();
    }

    void recordSuccessfulLogin(String username) {
        jdbc.sql("update identity.app_user set failed_logins = 0, locked_until = null where username = ?")
                .param(username).update();
    }

    void unlock(String username) {
        recordSuccessfulLogin(username);
    }
}
