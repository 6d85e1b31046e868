package dk.fsc.shared.problem;

import java.util.List;

/** The request body is larger than the use case accepts. */
public final class PayloadTooLargeException extends DomainException {

    public PayloadTooLargeException(long limitBytes) {
        super("The request body is larger than the limit of " + limitBytes + " bytes.", List.of());
    }
}
