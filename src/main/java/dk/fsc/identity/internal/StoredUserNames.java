package dk.fsc.identity.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.fsc.identity.Role;
import dk.fsc.identity.UserNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Display names and role holders from the local users ({@code identity.app_user}). */
@Component
class StoredUserNames implements UserNames {

    private final JdbcClient jdbc;

    StoredUserNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        if (usernames.isEmpty()) {
            return names;
        }
        jdbc.sql("select username, display_name from identity.app_user where username = any(?)")
                .param(usernames.stream().distinct().toArray(String[]::new))
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    @Override
    public List<Holder> withRole(Role role) {
        return jdbc.sql("select u.username, u.display_name, u.municipality_code, u.region_code from identity.app_user u"
                + " join identity.user_role r on r.username = u.username where r.role = ? and u.enabled"
                + " order by u.display_name, u.username")
                .param(role.name())
                .query((rs, row) -> new Holder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }
}
