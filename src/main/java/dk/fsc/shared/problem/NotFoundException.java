package dk.fsc.shared.problem;

import java.util.List;

/** The thing asked for does not exist, or the caller may not know that it does. */
public final class NotFoundException extends DomainException {

    public NotFoundException(String detail) {
        super(detail, List.of());
    }

    /** Not found, naming the field that pointed at it and why (a path id of a machine client's report). */
    public NotFoundException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
