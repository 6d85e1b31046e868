package dk.fsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Counted texts say one thing in the singular and several in the plural, in Danish and English. */
class PluralTextsTest {

    static final Locale DANISH = Locale.of("da");

    static String text(Locale locale, String key, Object... arguments) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "i18n/identity", "i18n/citizens", "i18n/grants", "i18n/orders",
                "i18n/assortment");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages.getMessage(key, arguments, locale);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pricelist.imported|1|0|1 ny pris er indlæst; ingen fandtes allerede uændret.",
            "pricelist.imported|2|1|2 nye priser er indlæst; 1 fandtes allerede uændret.",
            "pricelist.imported|0|20000|Ingen nye priser er indlæst; 20000 fandtes allerede uændret.",
            "form.invalidLines|1|0|1 linje er forkert.",
            "form.invalidLines|4|0|4 linjer er forkerte.",
            "suppliers.productCount|1|0|1 produkt i sortimentet",
            "populations.imported|1|2025|1 kommunes befolkningstal for 2025 er indlæst.",
            "contracts.expiringTitle|90|0|Kontrakter, der udløber inden for 90 dage" })
    void danishTextsAgreeWithTheirNumber(String key, long first, long second, String expected) {
        assertThat(text(DANISH, key, first, second)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pricelist.imported|1|1|1 new price loaded; 1 was there already, unchanged.",
            "pricelist.imported|3|2|3 new prices loaded; 2 were there already, unchanged.",
            "populations.imported|1|2025|Population figures of 1 municipality for 2025 have been loaded." })
    void englishTextsAgreeWithTheirNumber(String key, long first, long second, String expected) {
        assertThat(text(Locale.ENGLISH, key, first, second)).isEqualTo(expected);
    }
}
