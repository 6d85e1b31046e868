package dk.fsc.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import dk.fsc.shared.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CprTest {

    @Test
    void acceptsTenDigitsWithOrWithoutHyphenOrSpace() {
        assertThat(Cpr.of("0101801234").digits()).isEqualTo("0101801234");
        assertThat(Cpr.of("010180-1234")).isEqualTo(Cpr.of("0101801234"));
        assertThat(Cpr.of("010180 1234")).isEqualTo(Cpr.of("0101801234"));
        assertThat(Cpr.of(" 010180-1234 ").formatted()).isEqualTo("010180-1234");
    }

    @Test
    void doesNotRequireModulus11() {
        // 0101801235: the weighted sum is not divisible by 11, yet the number is valid since 2007
        assertThat(Cpr.isValid("0101801235")).isTrue();
        assertThat(Cpr.isValid("0101801234")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "010180123", "01018012345", "010180-123", "0101-801234", "01018O1234", "abcdefghij",
            "010180--1234", "010180  1234", "010180- 1234", "３１０１８０１２３４" })
    void rejectsWrongLengthsLettersAndOtherShapes(String input) {
        assertThat(Cpr.isValid(input)).as(input).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "3201801234", "0013801234", "0000801234", "3104801234", "3002801234" })
    void rejectsDatesThatDoNotExist(String input) {
        assertThat(Cpr.isValid(input)).as(input).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "010180-0000, 1980-01-01", "010180-3999, 1980-01-01",
            "010136-4000, 2036-01-01", "010137-4000, 1937-01-01",
            "010136-9000, 2036-01-01", "010137-9000, 1937-01-01",
            "010157-5000, 2057-01-01", "010158-5000, 1858-01-01",
            "010100-8000, 2000-01-01", "311299-8000, 1899-12-31",
            "010100-0000, 1900-01-01" })
    void takesTheCenturyFromTheSeventhDigit(String input, LocalDate born) {
        assertThat(Cpr.of(input).birthDate()).isEqualTo(born);
    }

    @Test
    void checksLeapYearsInTheCenturyTheSeventhDigitGives() {
        // 29 February 2000 exists (2000 is a leap year), 29 February 1900 does not
        assertThat(Cpr.of("290200-4123").birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(Cpr.of("290200-5123").birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(Cpr.isValid("290200-0123")).isFalse();
        assertThat(Cpr.isValid("290200-3123")).isFalse();
        // 1860 is a leap year, 1858 is not; 1960 is, 2060 is not reachable (5-8 give 1800s from 58)
        assertThat(Cpr.of("290260-5123").birthDate()).isEqualTo(LocalDate.of(1860, 2, 29));
        assertThat(Cpr.isValid("290258-5123")).isFalse();
        assertThat(Cpr.of("290260-1123").birthDate()).isEqualTo(LocalDate.of(1960, 2, 29));
        // 29 February 2037 does not exist, 1937 neither: 4 and 9 give 1937 for 37
        assertThat(Cpr.isValid("290237-4123")).isFalse();
    }

    @Test
    void masksTheLastFourDigitsAndNeverPrintsTheNumber() {
        Cpr cpr = Cpr.of("0101801234");
        assertThat(cpr.masked()).isEqualTo("010180-XXXX");
        assertThat(cpr.toString()).isEqualTo("010180-XXXX").doesNotContain("1234");
        assertThat("" + cpr).doesNotContain("1234");
    }

    @Test
    void namesTheFieldWhenUserInputIsNotACpr() {
        assertThatThrownBy(() -> Cpr.parse("cpr", "1234"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("cpr"))
                .message().doesNotContain("1234");
    }
}
