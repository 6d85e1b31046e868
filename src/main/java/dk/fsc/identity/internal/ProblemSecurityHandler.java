package dk.fsc.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dk.fsc.shared.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers unauthenticated (401) and forbidden (403) API calls with problem+json. A bearer
 * token that is not valid (wrong issuer or audience, expired, badly signed) is a 401; a valid
 * one whose claims give no access here ({@link BrokerLoginRefused}) is a 403 that says why.
 */
@Component
class ProblemSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemSecurityHandler.class);

    private final JsonMapper json;

    ProblemSecurityHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        if (authException instanceof BrokerLoginRefused refused) {
            write(response, request, HttpStatus.FORBIDDEN, Problems.FORBIDDEN, refused.reason().detail());
            return;
        }
        if (authException instanceof OAuth2AuthenticationException invalid) {
            LOG.warn("Bearer token rejected: {}", invalid.getError().getDescription());
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            write(response, request, HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED,
                    "The bearer token is not valid here: wrong issuer or audience, expired, or badly signed.");
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"FSC\"");
        write(response, request, HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED,
                "Authentication is required: valid credentials were not given.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        write(response, request, HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "You are not allowed to do this.");
    }

    private void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, URI type,
            String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(),
                Problems.members(Problems.problem(status, type, detail, request.getRequestURI(), List.of())));
    }
}
