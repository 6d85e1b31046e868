package dk.fsc.invoicing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.fsc.reference.Payer;
import dk.fsc.shared.problem.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * The allocation key as the editor's form fields, read into the API's {@link KeyInput} so that
 * the key is checked by the same rules as the API's JSON. A level of the key is named by a
 * prefix ({@code key}, its sub-key {@code key.sub}, then {@code key.sub.sub}); its fields are
 * {@code <level>.type}, {@code <level>.part.<KIND>-<code>} (a payer's percentage, or "1" when
 * chosen for equal parts), {@code <level>.part.sub} (the sub-key's percentage or "1"),
 * {@code <level>.region}, {@code .year}, {@code .area}, {@code .date}, {@code .basis} and
 * {@code <level>.counts.<municipality code>}. {@link #onForm} names a reason of the key by the
 * form field it came from.
 */
final class KeyForm {

    static final String ROOT = "key";
    static final String SUB = "sub";
    static final String PART = "part.";
    static final String COUNTS = "counts.";
    static final int MAX_DEPTH = 3;
    static final List<String> TYPES = List.of("equal", "percentages", "population", "grantCount", "counts");
    static final List<String> COMPOSED = TYPES.subList(0, 2);

    private final Map<String, String> typed;
    /** Where each place in the key came from: the key's path to the form's field, most specific last. */
    private final Map<String, String> fieldOf = new LinkedHashMap<>();
    private final List<FieldError> errors = new ArrayList<>();
    private @Nullable KeyInput key;

    private KeyForm(Map<String, String> typed) {
        this.typed = typed;
    }

    /** The key's fields read from the posted form; reasons found while reading are in {@link #errors()}. */
    static KeyForm read(Map<String, String> typed) {
        KeyForm form = new KeyForm(typed);
        form.key = form.level(ROOT, ROOT, 1);
        return form;
    }

    @Nullable KeyInput key() {
        return key;
    }

    List<FieldError> errors() {
        return errors;
    }

    /** A level's type, as chosen on the form ("" when none). */
    static String typeOf(Map<String, String> typed, String level) {
        return typed.getOrDefault(level + ".type", "").strip();
    }

    /** A row of the form's table of parts or counts: its field below the level, and its label. */
    record Row(String field, String label) {
    }

    /** The field of a payer's part, below the level. */
    static String partField(Payer payer) {
        return PART + payer.kind() + "-" + payer.code();
    }

    private @Nullable KeyInput level(String level, String path, int depth) {
        fieldOf.put(path, level + ".type");
        String type = typeOf(typed, level);
        if (type.isEmpty()) {
            return null;
        }
        List<KeyInput.PartInput> partInputs = null;
        if (COMPOSED.contains(type)) {
            partInputs = new ArrayList<>();
            fieldOf.put(path + ".parts", level + ".parts");
            boolean percentages = type.equals("percentages");
            String prefix = level + "." + PART;
            List<String> chosen = typed.keySet().stream().filter(name -> name.startsWith(prefix))
                    .filter(name -> !typed.get(name).isBlank()).sorted(Comparator.comparing(name -> name.endsWith(SUB)))
                    .toList();
            for (String field : chosen) {
                String partPath = path + ".parts[" + partInputs.size() + "]";
                fieldOf.put(partPath, field);
                BigDecimal percent = percentages ? percent(field) : null;
                String which = field.substring(prefix.length());
                if (which.equals(SUB)) {
                    String subLevel = level + "." + SUB;
                    fieldOf.put(partPath + ".key", subLevel + ".type");
                    KeyInput sub = depth < MAX_DEPTH ? level(subLevel, partPath + ".key", depth + 1) : null;
                    if (sub == null) {
                        errors.add(FieldError.of(subLevel + ".type", "invoicing.error.chooseKeyType"));
                    }
                    partInputs.add(new KeyInput.PartInput(percent, null, sub));
                } else {
                    int dash = which.indexOf('-');
                    partInputs.add(new KeyInput.PartInput(percent, new KeyInput.PayerInput(
                            dash < 0 ? which : which.substring(0, dash), dash < 0 ? "" : which.substring(dash + 1)), null));
                }
            }
        }
        Map<String, Long> counts = null;
        if (type.equals("counts")) {
            counts = new TreeMap<>();
            String prefix = level + "." + COUNTS;
            for (Map.Entry<String, String> count : typed.entrySet()) {
                String value = count.getValue().strip();
                if (count.getKey().startsWith(prefix) && !value.isEmpty()) {
                    String code = count.getKey().substring(prefix.length());
                    if (value.matches("[0-9]{1,12}")) {
                        counts.put(code, Long.valueOf(value));
                    } else {
                        errors.add(FieldError.of(count.getKey(), "invoicing.error.count"));
                    }
                }
            }
        }
        Integer year = null;
        String typedYear = typed.getOrDefault(level + ".year", "").strip();
        if (type.equals("population") && !typedYear.isEmpty()) {
            if (typedYear.matches("[0-9]{4}")) {
                year = Integer.valueOf(typedYear);
            } else {
                errors.add(FieldError.of(level + ".year", "invoicing.error.year"));
            }
        }
        LocalDate date = null;
        String typedDate = typed.getOrDefault(level + ".date", "").strip();
        if (type.equals("grantCount") && !typedDate.isEmpty()) {
            try {
                date = LocalDate.parse(typedDate);
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of(level + ".date", "invoicing.error.dateFormat"));
            }
        }
        for (String field : List.of("region", "year", "area", "date", "basis", "counts")) {
            fieldOf.put(path + "." + field, level + "." + field);
        }
        return new KeyInput(type, partInputs, year, blankToNull(level + ".region"), blankToNull(level + ".area"),
                date, blankToNull(level + ".basis"), counts);
    }

    private @Nullable BigDecimal percent(String field) {
        try {
            return new BigDecimal(typed.get(field).strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private @Nullable String blankToNull(String field) {
        String value = typed.getOrDefault(field, "").strip();
        return value.isEmpty() ? null : value;
    }

    /**
     * A reason of the key named by its form field: the most specific place of the key the reason's
     * path starts with, the rest of the path kept only below a sub-key (a part's percentage or payer
     * is the part's field).
     */
    FieldError onForm(FieldError error) {
        if (error.field().contains(".part.") || error.field().contains("." + SUB)) {
            return error;
        }
        String best = null;
        for (String path : fieldOf.keySet()) {
            String field = error.field();
            boolean within = field.equals(path) || field.startsWith(path + ".") || field.startsWith(path + "[");
            if (within && (best == null || path.length() > best.length())) {
                best = path;
            }
        }
        if (best == null) {
            return error;
        }
        String field = fieldOf.get(best);
        String rest = error.field().substring(best.length());
        boolean keepsRest = !rest.isEmpty() && !field.contains(".part.") && !field.endsWith(".type");
        return new FieldError(keepsRest ? field + rest : field, error.message(), error.arguments());
    }
}
