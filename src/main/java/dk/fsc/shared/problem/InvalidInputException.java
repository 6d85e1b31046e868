package dk.fsc.shared.problem;

import java.util.List;

/** The input breaks a rule; {@link #errors()} names each field or line and the reason. */
public final class InvalidInputException extends DomainException {

    public InvalidInputException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(message, List.of(new FieldError(field, message)));
    }
}
