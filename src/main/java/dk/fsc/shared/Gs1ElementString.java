package dk.fsc.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What a GS1-128 or GS1 DataMatrix barcode on a pack says, from its element string (GS1 General
 * Specifications, section 7.8): GTIN (01), lot (10), production date (11), best before (15),
 * expiry (17) and serial number (21). Read as a scanner sends it: with or without a symbology
 * identifier ({@code ]C1}, {@code ]d2}, {@code ]Q3}, {@code ]e0}), with FNC1 as the group separator
 * {@code \u001d} ending a variable-length field, or as the human-readable text with the
 * application identifiers in parentheses. A bare GTIN (an EAN-13 on the pack) is read too.
 *
 * @param gtin   always there: a scan that names no product is refused
 * @param expiry a day {@code 00} means the last day of the month
 */
public record Gs1ElementString(Gtin gtin, @Nullable String lot, @Nullable LocalDate expiry,
        @Nullable String serial, @Nullable LocalDate productionDate, @Nullable LocalDate bestBefore) {

    private static final char GROUP_SEPARATOR = '\u001d';
    private static final Pattern SYMBOLOGY_IDENTIFIER = Pattern.compile("^][A-Za-z][0-9A-Za-z]");
    private static final Pattern BARE_GTIN = Pattern.compile("[0-9]{8}|[0-9]{12,13}");
    private static final Pattern BRACKETED = Pattern.compile("\\(([0-9]{2,4})\\)([^()]*)");
    /** GS1 character set 82: the characters a lot or serial number may hold. */
    private static final Pattern CSET_82 = Pattern.compile("[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]+");
    private static final int VARIABLE_MAX = 20;

    /**
     * Reads {@code input}, naming {@code field} and what is wrong when it is not one. Two-digit
     * years are placed by the specification's sliding window around {@code today}: at most 49
     * years ahead, otherwise in the past.
     */
    public static Gs1ElementString parse(String field, String input, LocalDate today) {
        String text = input.strip();
        Matcher symbology = SYMBOLOGY_IDENTIFIER.matcher(text);
        boolean hadSymbology = symbology.find();
        if (hadSymbology) {
            text = text.substring(symbology.end());
        }
        while (!text.isEmpty() && text.charAt(0) == GROUP_SEPARATOR) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            throw refused(field, "gs1.error.empty");
        }
        if (!hadSymbology && BARE_GTIN.matcher(text).matches()) {
            return new Gs1ElementString(gtin(field, text), null, null, null, null, null);
        }
        Map<String, String> elements = text.charAt(0) == '(' ? bracketed(field, text) : concatenated(field, text);
        String gtin = elements.get("01");
        if (gtin == null) {
            throw refused(field, "gs1.error.noGtin");
        }
        return new Gs1ElementString(gtin(field, gtin), elements.get("10"), date(field, "17", elements, today),
                elements.get("21"), date(field, "11", elements, today), date(field, "15", elements, today));
    }

    private static Map<String, String> bracketed(String field, String text) {
        Map<String, String> elements = new LinkedHashMap<>();
        Matcher matcher = BRACKETED.matcher(text);
        int at = 0;
        while (matcher.find() && matcher.start() == at) {
            put(field, elements, matcher.group(1), matcher.group(2));
            at = matcher.end();
        }
        if (at != text.length()) {
            throw refused(field, "gs1.error.parentheses", at);
        }
        return elements;
    }

    private static Map<String, String> concatenated(String field, String text) {
        Map<String, String> elements = new LinkedHashMap<>();
        int at = 0;
        while (at < text.length()) {
            if (text.charAt(at) == GROUP_SEPARATOR) {
                at++;
                continue;
            }
            String ai = text.substring(at, Math.min(at + 2, text.length()));
            Ai known = Ai.of(ai);
            if (known == null) {
                throw refused(field, at > 0 ? "gs1.error.unknownAi.separator" : "gs1.error.unknownAi", ai);
            }
            int start = at + 2;
            int end;
            if (known.length > 0) {
                end = start + known.length;
                if (end > text.length()) {
                    throw refused(field, "gs1.error.truncated", ai, known.length);
                }
            } else {
                int separator = text.indexOf(GROUP_SEPARATOR, start);
                end = separator < 0 ? text.length() : separator;
            }
            put(field, elements, ai, text.substring(start, end));
            at = end;
        }
        return elements;
    }

    private static void put(String field, Map<String, String> elements, String ai, String value) {
        Ai known = Ai.of(ai);
        if (known == null) {
            throw refused(field, "gs1.error.unknownAi", ai);
        }
        if (elements.containsKey(ai)) {
            throw refused(field, "gs1.error.twice", ai);
        }
        if (known.length > 0 ? value.length() != known.length || !value.chars().allMatch(Character::isDigit)
                : value.isEmpty() || value.length() > VARIABLE_MAX || !CSET_82.matcher(value).matches()) {
            throw refused(field, known.length == 0 && value.length() > VARIABLE_MAX ? "gs1.error.invalid.tooLong"
                    : known.rule, ai, known.length);
        }
        elements.put(ai, value);
    }

    private static Gtin gtin(String field, String digits) {
        if (!Gtin.isValid(digits)) {
            throw refused(field, "gs1.error.checkDigit", Gtin.checkDigit(digits.substring(0, digits.length() - 1)));
        }
        return new Gtin(digits);
    }

    private static @Nullable LocalDate date(String field, String ai, Map<String, String> elements, LocalDate today) {
        String yymmdd = elements.get(ai);
        if (yymmdd == null) {
            return null;
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        int century = today.getYear() / 100 * 100;
        int difference = yy - today.getYear() % 100;
        int year = century + yy + (difference >= 51 ? -100 : difference <= -50 ? 100 : 0);
        try {
            YearMonth yearMonth = YearMonth.of(year, month);
            return day == 0 ? yearMonth.atEndOfMonth() : yearMonth.atDay(day);
        } catch (DateTimeException e) {
            throw refused(field, "gs1.error.date", ai, yymmdd);
        }
    }

    /**
     * The scan refused: {@code key} is a reason in the message bundles (messages.properties,
     * {@code gs1.error.*}), worded in the reader's language on pages and in problem+json.
     */
    private static InvalidInputException refused(String field, String key, Object... arguments) {
        return new InvalidInputException("The barcode cannot be read", List.of(FieldError.of(field, key, arguments)));
    }

    private enum Ai {
        GTIN("01", 14, "gs1.error.invalid.digits"),
        LOT("10", 0, "gs1.error.invalid.text"),
        PRODUCTION_DATE("11", 6, "gs1.error.invalid.date"),
        BEST_BEFORE("15", 6, "gs1.error.invalid.date"),
        EXPIRY("17", 6, "gs1.error.invalid.date"),
        SERIAL("21", 0, "gs1.error.invalid.text");

        final String code;
        /** The fixed length, or 0 for a variable-length field that ends at a group separator. */
        final int length;
        /** The message key saying what a valid value of it looks like. */
        final String rule;

        Ai(String code, int length, String rule) {
            this.code = code;
            this.length = length;
            this.rule = rule;
        }

        static @Nullable Ai of(String code) {
            for (Ai ai : values()) {
                if (ai.code.equals(code)) {
                    return ai;
                }
            }
            return null;
        }
    }
}
