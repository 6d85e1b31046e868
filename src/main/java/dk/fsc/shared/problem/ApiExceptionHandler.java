package dk.fsc.shared.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;

/**
 * Turns every exception raised in a REST controller into problem+json. Errors that happen
 * before a controller is chosen (404, 405, 415, 413) reach {@link FscErrorController}.
 * Field reasons from the message bundles are in English unless the client asks for another
 * language with {@code Accept-Language}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return Problems.respond(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, e.getMessage(), request,
                worded(e, request));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        return Problems.respond(HttpStatus.BAD_REQUEST, Problems.VALIDATION, e.getMessage(), request,
                worded(e, request));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        return Problems.respond(HttpStatus.CONFLICT, Problems.CONFLICT, e.getMessage(), request, worded(e, request));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
        return Problems.respond(HttpStatus.CONTENT_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE, e.getMessage(), request,
                List.of());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> notValid(MethodArgumentNotValidException e, HttpServletRequest request) {
        return validation(fieldErrors(e.getBindingResult()), request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> notValid(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        return validation(errors, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return validation(List.of(new FieldError(e.getName(), "has an invalid value: '" + e.getValue() + "'")), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = json.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return Problems.respond(HttpStatus.BAD_REQUEST, Problems.MALFORMED_BODY,
                    "The request body has a value of the wrong type.", request,
                    List.of(new FieldError(field, "has a value of the wrong type or format")));
        }
        String detail = e.getCause() instanceof JacksonException
                ? "The request body is not well-formed JSON."
                : "The request body is missing or cannot be read.";
        return Problems.respond(HttpStatus.BAD_REQUEST, Problems.MALFORMED_BODY, detail, request, List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return Problems.respond(HttpStatus.FORBIDDEN, Problems.FORBIDDEN,
                "You are not allowed to do this.", request, List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse error) {
            ProblemDetail body = error.getBody();
            String detail = body.getDetail() != null ? body.getDetail() : e.getClass().getSimpleName();
            return Problems.respond(error.getStatusCode(), body.getType(), detail, request, List.of());
        }
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return Problems.respond(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL,
                "Something went wrong on our side. It has been logged.", request, List.of());
    }

    private List<FieldError> worded(DomainException e, HttpServletRequest request) {
        Locale locale = request.getHeader("Accept-Language") == null ? Locale.ENGLISH : request.getLocale();
        return e.errors().stream().map(error -> error.worded(messages, locale)).toList();
    }

    private static ResponseEntity<ProblemDetail> validation(List<FieldError> errors, HttpServletRequest request) {
        return Problems.respond(HttpStatus.BAD_REQUEST, Problems.VALIDATION,
                "The request has invalid fields.", request, errors);
    }

    static List<FieldError> fieldErrors(BindingResult result) {
        List<FieldError> errors = new ArrayList<>();
        result.getFieldErrors().forEach(error -> errors.add(new FieldError(error.getField(),
                String.valueOf(error.getDefaultMessage()))));
        result.getGlobalErrors().forEach(error -> errors.add(new FieldError(error.getObjectName(),
                String.valueOf(error.getDefaultMessage()))));
        return errors;
    }
}
