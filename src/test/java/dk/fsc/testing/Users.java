package dk.fsc.testing;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Local user accounts made straight in the database, for tests of logging in. */
public final class Users {

    private Users() {
    }

    /** A new FSC_AGENT named {@code prefix-xxxxxxxx} with this password; its name. */
    public static String anAgent(JdbcClient jdbc, PasswordEncoder passwords, String prefix, String password) {
        return withRole(jdbc, passwords, prefix, password, "FSC_AGENT");
    }

    /** A new user of a role bound to no municipality, named {@code prefix-xxxxxxxx} with this password; its name. */
    public static String withRole(JdbcClient jdbc, PasswordEncoder passwords, String prefix, String password,
            String role) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into identity.app_user (username, display_name, password_hash) values (?, ?, ?)")
                .params(name, "Test", passwords.encode(password)).update();
        jdbc.sql("insert into identity.user_role (username, role) values (?, ?)").params(name, role).update();
        return name;
    }
}
