package dk.fsc.shared.problem;

import java.util.List;

/**
 * A rule of the domain was broken. Each subtype says which kind of problem it is; the web
 * layer alone decides how that is shown (an HTTP status, a form message).
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, InvalidInputException, ConflictException, PayloadTooLargeException {

    private final List<FieldError> errors;

    protected DomainException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
