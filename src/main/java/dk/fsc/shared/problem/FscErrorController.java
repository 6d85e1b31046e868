package dk.fsc.shared.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page: errors that no controller handled (unknown paths, wrong
 * methods or media types, oversized bodies, failures in filters). API paths get
 * problem+json, never Spring's default error JSON; pages get a friendly HTML page.
 */
@Controller
class FscErrorController implements ErrorController {

    private final ErrorAttributes errorAttributes;

    FscErrorController(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping(value = "/error", produces = "text/html")
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
        if (Problems.isApiRequest(originalPath(request))) {
            return new ModelAndView("forward:/error/problem");
        }
        HttpStatus status = status(request);
        response.setStatus(status.value());
        return new ModelAndView("error/page", Map.of("status", status.value()), status);
    }

    @RequestMapping({ "/error", "/error/problem" })
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        Throwable error = errorAttributes.getError(new ServletWebRequest(request));
        @Nullable URI type = null;
        String detail = status.getReasonPhrase();
        if (error instanceof ErrorResponse framework) {
            type = framework.getBody().getType();
            detail = framework.getBody().getDetail() != null ? framework.getBody().getDetail() : detail;
        } else if (status == HttpStatus.NOT_FOUND) {
            type = Problems.NOT_FOUND;
            detail = "No resource at this path.";
        } else if (status == HttpStatus.CONTENT_TOO_LARGE) {
            type = Problems.PAYLOAD_TOO_LARGE;
            detail = "The request body is too large.";
        } else if (status.is5xxServerError()) {
            type = Problems.INTERNAL;
            detail = "Something went wrong on our side. It has been logged.";
        }
        ProblemDetail body = Problems.problem(status, type, detail, originalPath(request), List.of());
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null ? uri.toString() : request.getRequestURI();
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
