package dk.fsc.identity;

import java.util.regex.Pattern;

/**
 * A job or listener acting as the system, not as a person: the standing-order run, a
 * warehouse reservation, alarm detection, invoicing. Its reads of citizens' data are
 * audited under {@link #actor()}, so a citizen's access log says which job looked.
 *
 * @param name lower-case words joined by dashes, e.g. {@code standing-orders}
 */
public record SystemJob(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public SystemJob {
        if (!NAME.matcher(name).matches() || name.length() > 60) {
            throw new IllegalArgumentException("A system job's name is lower-case words joined by dashes: " + name);
        }
    }

    /** The actor in the audit log: {@code system:} and the name. */
    public String actor() {
        return "system:" + name;
    }
}
