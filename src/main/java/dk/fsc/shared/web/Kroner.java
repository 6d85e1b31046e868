package dk.fsc.shared.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Amounts as people read and type them: øre shown as kroner in the page's language
 * ({@code 1.234,50 kr}), and kroner typed the Danish way read as øre, exactly: no floating point.
 */
@Component("kroner")
public class Kroner {

    /**
     * {@code 810}, {@code 810,5}, {@code 810,00}, {@code 1.234,50} or {@code 1234.50}, optionally
     * followed by {@code kr}: a comma is the decimal mark, a dot groups thousands, unless it is
     * followed by one or two digits at the end, as English writes decimals.
     */
    private static final Pattern AMOUNT = Pattern.compile(
            "([0-9]{1,3}(?:\\.[0-9]{3})+|[0-9]+)(?:[,.]([0-9]{1,2}))?\\s*(?:kr\\.?)?", Pattern.CASE_INSENSITIVE);
    private static final int MAX_DIGITS = 12;

    public String format(long ore, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(BigDecimal.valueOf(ore, 2)) + " kr";
    }

    /** The øre of an amount in kroner as typed, or empty when it is no amount. */
    public static Optional<Long> parse(String typed) {
        Matcher matcher = AMOUNT.matcher(typed.strip().replace(" ", ""));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String kroner = matcher.group(1).replace(".", "");
        if (kroner.length() > MAX_DIGITS) {
            return Optional.empty();
        }
        String ore = matcher.group(2) == null ? "00" : (matcher.group(2) + "0").substring(0, 2);
        return Optional.of(Long.parseLong(kroner) * 100 + Long.parseLong(ore));
    }
}
