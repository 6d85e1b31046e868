package dk.fsc.shared;

import java.util.regex.Pattern;

/**
 * An e-mail address as people have them: a local part of letters, digits and {@code . _ % + -}
 * (no dot first, last or twice), {@code @}, and a domain of labels of letters, digits and
 * hyphens ending in a top-level domain of letters. Quotes, angle brackets, spaces and the other
 * characters RFC 5322 permits in quoted local parts are refused: nobody needs them, and they turn
 * an address into markup.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    private static final String LOCAL_ATOM = "[\\p{L}\\p{N}_%+-]+";
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
    private static final Pattern ADDRESS = Pattern.compile(
            LOCAL_ATOM + "(?:\\." + LOCAL_ATOM + ")*@(?:" + LABEL + "\\.)+\\p{L}{2,63}");

    private EmailAddress() {
    }

    public static boolean isValid(String input) {
        return input.length() <= MAX_LENGTH && ADDRESS.matcher(input).matches();
    }
}
