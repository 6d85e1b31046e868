package dk.fsc.shared.web;

import java.util.Map;
import java.util.Optional;

/**
 * A module's box on the start page, so that the start page shows what matters to the user
 * without the shared kernel knowing any business module: the module names a Thymeleaf
 * fragment and gives it its model, or nothing when the box is not for the current user.
 */
public interface StartPagePanel {

    /** The template holding the fragment, e.g. {@code assortment/panels}. */
    String template();

    /** The fragment's name; it reads its model as {@code panel}. */
    String fragment();

    /** Lower comes first. */
    int order();

    /** What the fragment shows the current user, or empty to leave the box out for them. */
    Optional<Map<String, Object>> model();
}
