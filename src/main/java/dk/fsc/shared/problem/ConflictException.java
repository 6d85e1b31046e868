package dk.fsc.shared.problem;

import java.util.List;

/** The request clashes with what already exists (a duplicate, a state that forbids it). */
public final class ConflictException extends DomainException {

    public ConflictException(String detail) {
        super(detail, List.of());
    }

    public ConflictException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
