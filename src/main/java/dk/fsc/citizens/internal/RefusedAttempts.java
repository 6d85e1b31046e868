package dk.fsc.citizens.internal;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.fsc.identity.AuditAction;
import dk.fsc.identity.AuditLog;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request about a citizen (a page or API path under {@code /citizens/{id}}) that the caller's
 * role was refused (403) is written to the citizen's log as {@code access.refused}, when the
 * caller may see the citizen at all: the citizen learns that someone tried, and it is not shown
 * as a read. Nothing of the citizen was shown, and a refused use case rolled back any row of its own.
 */
@Component
class RefusedAttempts implements HandlerInterceptor, WebMvcConfigurer {

    private static final Pattern CITIZEN_PATH = Pattern.compile("^(?:/api/v1)?/citizens/\\{([^}]+)}");

    private final CitizenRepository repository;
    private final CurrentUsers currentUsers;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;

    RefusedAttempts(CitizenRepository repository, CurrentUsers currentUsers, AuditLog auditLog,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.currentUsers = currentUsers;
        this.auditLog = auditLog;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable Exception ex) {
        boolean refused = ex instanceof AccessDeniedException
                || (ex == null && response.getStatus() == HttpStatus.FORBIDDEN.value());
        UUID citizenId = refused ? citizenOf(request) : null;
        CurrentUser user = currentUsers.current().orElse(null);
        if (citizenId == null || user == null) {
            return;
        }
        transaction.executeWithoutResult(status -> repository.find(citizenId)
                .filter(citizen -> CitizenAccess.maySee(user, citizen))
                .ifPresent(citizen -> auditLog.record(citizen.id(), AuditAction.ACCESS_REFUSED.code())));
    }

    @SuppressWarnings("unchecked")
    private static @Nullable UUID citizenOf(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(pattern instanceof String path) || !(variables instanceof Map<?, ?> values)) {
            return null;
        }
        Matcher citizen = CITIZEN_PATH.matcher(path);
        if (!citizen.find()) {
            return null;
        }
        try {
            return UUID.fromString(String.valueOf(((Map<String, String>) values).get(citizen.group(1))));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
