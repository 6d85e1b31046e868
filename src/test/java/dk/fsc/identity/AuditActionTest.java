package dk.fsc.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

class AuditActionTest {

    /** A string literal shaped like an audit action, e.g. {@code "order.read"}. */
    private static final Pattern ACTION_LITERAL =
            Pattern.compile("\"((?:citizen|grant|order|standing-order|worklist|user|access|support|contact|task|referral)\\.[a-z][a-z-]*)\"");

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "i18n/identity", "i18n/citizens", "i18n/grants", "i18n/orders",
                "i18n/assortment");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setUseCodeAsDefaultMessage(false);
        return messages;
    }

    @Test
    void everyActionHasADanishAndAnEnglishText() {
        ResourceBundleMessageSource messages = bundles();
        for (AuditAction action : AuditAction.values()) {
            String danish = text(messages, action, Locale.of("da"));
            String english = text(messages, action, Locale.ENGLISH);
            assertThat(danish).as(action.code()).isNotBlank();
            assertThat(english).as(action.code()).isNotBlank().isNotEqualTo(danish);
        }
    }

    @Test
    void everyActionTheCodeRecordsIsKnown() throws IOException {
        Set<String> recorded = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            sources.filter(path -> path.toString().endsWith(".java")).forEach(path -> {
                Matcher literal = ACTION_LITERAL.matcher(read(path));
                while (literal.find()) {
                    recorded.add(literal.group(1));
                }
            });
        }
        assertThat(recorded).hasSizeGreaterThan(20);
        recorded.forEach(code -> assertThatCode(() -> AuditAction.ofCode(code)).as(code).doesNotThrowAnyException());
    }

    @Test
    void anUnknownActionIsRefused() {
        assertThatCode(() -> AuditAction.ofCode("order.peek")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String text(ResourceBundleMessageSource messages, AuditAction action, Locale locale) {
        try {
            return messages.getMessage(action.messageKey(), null, locale);
        } catch (NoSuchMessageException missing) {
            throw new AssertionError("No text for " + action.code() + " in " + locale, missing);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
