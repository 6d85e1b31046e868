package dk.fsc.identity.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.session.InvalidSessionStrategy;
import org.springframework.security.web.session.SimpleRedirectInvalidSessionStrategy;

/**
 * A request with a session that has expired or was ended goes to the login page, which says
 * so. An htmx request is told to go there ({@code HX-Redirect}), so that the login page is
 * not swapped into a part of the page the user was working in.
 */
class ExpiredSessions implements InvalidSessionStrategy {

    static final String LOGIN_PAGE = "/login?expired";

    private final InvalidSessionStrategy redirect = new SimpleRedirectInvalidSessionStrategy(LOGIN_PAGE);

    @Override
    public void onInvalidSessionDetected(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!"true".equals(request.getHeader("HX-Request"))) {
            redirect.onInvalidSessionDetected(request, response);
            return;
        }
        request.getSession();
        response.setHeader("HX-Redirect", request.getContextPath() + LOGIN_PAGE);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
