package dk.fsc.shared.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A module's panel on the whole-citizen view of the one point of contact (support), so that the
 * page shows the citizen's grants, orders, devices or alarms without support knowing any of
 * those modules' tables: the module names a Thymeleaf fragment and gives it its model for one
 * citizen and the current user. Support calls {@link #model} only after it has found, through
 * the citizens module, that the current user may see the citizen; the module still reads
 * through its own scoped, audited use cases (the audit log writes one read row per request and
 * citizen).
 */
public interface CitizenPanel {

    /** The template holding the fragment, e.g. {@code orders/citizen-panels}. */
    String template();

    /** The fragment's name; it reads its model as {@code panel}. */
    String fragment();

    /** Lower comes first. */
    int order();

    /**
     * What the fragment shows the current user about the citizen (platform id, never a CPR
     * number), or empty to leave the panel out. {@code readOnly} is true for a reader who may
     * not act (a caseworker's view): the panel then offers no actions.
     */
    Optional<Map<String, Object>> model(UUID citizenId, boolean readOnly);
}
