package dk.fsc.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KronerTest {

    @ParameterizedTest
    @CsvSource({ "810,81000", "'810,00',81000", "'810,5',81050", "'1.234,50',123450", "1234.50,123450",
            "'1 234,50 kr',123450", "'0,07',7", "12.345.678,1234567800", "'810,00 kr.',81000" })
    void readsKronerAsDanesTypeThem(String typed, long ore) {
        assertThat(Kroner.parse(typed)).contains(ore);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "-5", "8,1,0", "1.23.4", "810,001", "kr", "abc", "1,2.3", "9999999999999" })
    void refusesWhatIsNoAmount(String typed) {
        assertThat(Kroner.parse(typed)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({ "da,'1.234,50 kr'", "en,'1,234.50 kr'" })
    void showsOreAsKronerInThePagesLanguage(String language, String shown) {
        assertThat(new Kroner().format(123450, Locale.of(language))).isEqualTo(shown);
    }
}
