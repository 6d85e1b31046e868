package dk.fsc.shared.web;

import java.util.UUID;

import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;

/** Reading what a page's form or path sent, before the use case checks it as it checks API input. */
public final class FormValues {

    private FormValues() {
    }

    /** An id in a page's path; one that is no id is a page that does not exist (404). */
    public static UUID pathId(String text) {
        UUID id = uuidOrNull(text);
        if (id == null) {
            throw new NotFoundException("No such page.");
        }
        return id;
    }

    public static @Nullable UUID uuidOrNull(@Nullable String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /**
     * A whole number typed into a field: blank is none; words are 0, which the use case refuses
     * with its own reason ("a whole number from 1 to ..."), so the form shows that reason.
     */
    public static @Nullable Long wholeNumber(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException notANumber) {
            return 0L;
        }
    }
}
