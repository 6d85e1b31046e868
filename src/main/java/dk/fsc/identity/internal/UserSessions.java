package dk.fsc.identity.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's web sessions and forgets their remembered API logins, so that a disabled
 * account or changed roles take effect at once rather than when the session expires.
 */
@Component
class UserSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final ApiLoginMemory basicLogins;

    UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions, ApiLoginMemory basicLogins) {
        this.sessions = sessions;
        this.basicLogins = basicLogins;
    }

    void endAllOf(String username) {
        sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
        basicLogins.forget(username);
    }
}
