package dk.fsc.shared.problem;

/** One reason a request was rejected: the field (or line) and what is wrong with it. */
public record FieldError(String field, String message) {
}
