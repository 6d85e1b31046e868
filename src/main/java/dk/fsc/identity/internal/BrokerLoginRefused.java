package dk.fsc.identity.internal;

import java.io.Serial;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;

/**
 * The broker vouched for the person, but their claims give them no access here. The login
 * page and the API say which {@link Reason}; never a role by default.
 */
class BrokerLoginRefused extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    enum Reason {
        /** No usable user name (missing, too long, or a CPR number, which must never become a name). */
        USERNAME("no-username", "The token carries no usable user name."),
        /** No claim value maps to a platform role. */
        NO_ROLE("no-role", "The token carries no role of this platform."),
        /** A role needs a municipality, region or citizen that is missing or unknown. */
        BINDING("binding", "The token's role needs a known municipality or region that it does not carry."),
        /** A citizen's login whose CPR number is not in the citizen register. */
        NOT_A_CITIZEN("not-a-citizen", "The citizen is not registered with this platform.");

        private final String code;
        private final String detail;

        Reason(String code, String detail) {
            this.code = code;
            this.detail = detail;
        }

        /** How the login page names the reason ({@code /login?refused=no-role}). */
        String code() {
            return code;
        }

        /** The reason in English, for the API and the log. */
        String detail() {
            return detail;
        }
    }

    private final Reason reason;
    private final @Nullable String name;

    /** @param name the person's name, when the claims held a usable one */
    BrokerLoginRefused(Reason reason, @Nullable String name) {
        super(reason.detail());
        this.reason = reason;
        this.name = name;
    }

    Reason reason() {
        return reason;
    }

    /** For the log: the reason and, when known, whom it concerns. */
    String describe() {
        return reason.detail() + (name != null ? " ('" + name + "')" : "");
    }
}
