package dk.fsc.shared.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dk.fsc.shared.Cpr;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds the RFC 9457 problem+json answers of the API, so that every error has the same
 * shape: {@code type, title, status, detail, instance} and, when fields are at fault,
 * {@code errors: [{field, message}]}. The types are documented in {@code docs/api.md}.
 * <p>
 * No answer repeats a CPR number: whatever is shaped like one in the detail, the instance
 * (the path the client called) or a field's name or reason (which may quote the rejected
 * value) is hidden, wherever the client put it.
 */
public final class Problems {

    public static final URI VALIDATION = URI.create("/problems/validation");
    public static final URI NOT_FOUND = URI.create("/problems/not-found");
    public static final URI CONFLICT = URI.create("/problems/conflict");
    public static final URI PAYLOAD_TOO_LARGE = URI.create("/problems/payload-too-large");
    public static final URI MALFORMED_BODY = URI.create("/problems/malformed-body");
    public static final URI UNAUTHORIZED = URI.create("/problems/unauthorized");
    public static final URI FORBIDDEN = URI.create("/problems/forbidden");
    public static final URI INTERNAL = URI.create("/problems/internal");

    private Problems() {
    }

    /** A field error as the API shows it: {@code {field, message}}. */
    private record Reason(String field, String message) {
    }

    public static ProblemDetail problem(HttpStatusCode status, @Nullable URI type, String detail, String path,
            List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Cpr.hideIn(detail));
        problem.setType(type == null || "about:blank".equals(type.toString()) ? typeFor(status) : type);
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setInstance(URI.create(Cpr.hideIn(path)));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream()
                    .map(error -> new Reason(Cpr.hideIn(error.field()), Cpr.hideIn(error.message()))).toList());
        }
        return problem;
    }

    public static ResponseEntity<ProblemDetail> respond(HttpStatusCode status, @Nullable URI type, String detail,
            HttpServletRequest request, List<FieldError> errors) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, type, detail, request.getRequestURI(), errors));
    }

    /** The problem type of an error that has no more specific one, named after its status. */
    static URI typeFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String slug = known != null ? known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                : "status-" + status.value();
        return URI.create("/problems/" + slug);
    }

    /** Whether a request belongs to the REST API (and so is answered with problem+json). */
    public static boolean isApiRequest(String path) {
        return path.startsWith("/api/");
    }

    /** The problem as the JSON members RFC 9457 names, for writers outside Spring MVC (filters). */
    public static Map<String, Object> members(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", String.valueOf(problem.getType()));
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        members.put("instance", String.valueOf(problem.getInstance()));
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }
}
