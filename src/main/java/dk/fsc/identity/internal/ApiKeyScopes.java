package dk.fsc.identity.internal;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import dk.fsc.identity.ApiScope;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The API's first gate: people must be authenticated (their roles are checked on the
 * service methods); an API key may call only what one of its scopes names.
 */
class ApiKeyScopes implements AuthorizationManager<RequestAuthorizationContext> {

    private final boolean people;

    /** People (authenticated) and API keys within their scopes. */
    ApiKeyScopes() {
        this(true);
    }

    private ApiKeyScopes(boolean people) {
        this.people = people;
    }

    /** API keys within their scopes, nobody else: machine endpoints such as the metrics. */
    static ApiKeyScopes keysOnly() {
        return new ApiKeyScopes(false);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (caller instanceof ApiKeyAuthentication key) {
            return new AuthorizationDecision(
                    key.scopes().stream().anyMatch(scope -> allows(scope, context.getRequest())));
        }
        return new AuthorizationDecision(people && caller != null && caller.isAuthenticated()
                && !(caller instanceof AnonymousAuthenticationToken));
    }

    static boolean allows(ApiScope scope, HttpServletRequest request) {
        if (!scope.method().equals(request.getMethod())) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return scope.paths().stream().anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern).matches(path));
    }
}
