package dk.fsc.shared.web;

import java.util.ArrayList;
import java.util.List;

import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;

/** Which page of a list is asked for: {@code page} from 0, {@code size} from 1 to {@link #MAX_SIZE}. */
public record PageQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public PageQuery {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The paging parameters are invalid.", errors);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
