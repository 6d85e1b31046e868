package dk.fsc.shared.problem;

/** One reason a request was rejected: the field (or line) and what is wrong with it. */
public record FieldError(String field, String message) {

    /** What is wrong with a line of an imported file: the field is {@code line N}, counted from 1. */
    public static FieldError line(int number, String message) {
        return new FieldError("line " + number, message);
    }
}
