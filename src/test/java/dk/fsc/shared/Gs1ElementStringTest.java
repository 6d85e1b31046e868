package dk.fsc.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import dk.fsc.shared.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The element strings of the GS1 General Specifications' examples, as scanners send them. */
class Gs1ElementStringTest {

    /** A fixed day for the two-digit years' sliding window: the parser is given today, never reads it. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private static Gs1ElementString parse(String input) {
        return Gs1ElementString.parse("scan", input, TODAY);
    }

    @Test
    void readsTheHumanReadableFormWithParentheses() {
        Gs1ElementString scan = parse("(01)09501101020917(17)190508(10)ABC123");
        assertThat(scan.gtin().digits()).isEqualTo("09501101020917");
        assertThat(scan.expiry()).isEqualTo(LocalDate.of(2019, 5, 8));
        assertThat(scan.lot()).isEqualTo("ABC123");
        assertThat(scan.serial()).isNull();
    }

    @Test
    void readsADataMatrixWithItsSymbologyIdentifierAndGroupSeparators() {
        Gs1ElementString scan = parse("]d201095011010209171719050810ABC123\u001d2112345");
        assertThat(scan.gtin().digits()).isEqualTo("09501101020917");
        assertThat(scan.expiry()).isEqualTo(LocalDate.of(2019, 5, 8));
        assertThat(scan.lot()).isEqualTo("ABC123");
        assertThat(scan.serial()).isEqualTo("12345");
    }

    @Test
    void readsGs1128WithALeadingFnc1AndAVariableFieldEndingTheString() {
        Gs1ElementString scan = parse("]C1\u001d0109501101020917111905011519123110ABC\u001d17200600");
        assertThat(scan.productionDate()).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(scan.bestBefore()).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(scan.lot()).isEqualTo("ABC");
        assertThat(scan.expiry()).as("day 00 is the end of the month").isEqualTo(LocalDate.of(2020, 6, 30));
    }

    @Test
    void dayZeroIsTheLastDayOfTheMonthAlsoInFebruaryOfALeapYear() {
        assertThat(parse("(01)09501101020917(17)280200").expiry()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(parse("(01)09501101020917(17)270200").expiry()).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void placesTwoDigitYearsByTheSlidingWindow() {
        assertThat(parse("(01)09501101020917(17)751231").expiry()).isEqualTo(LocalDate.of(2075, 12, 31));
        assertThat(parse("(01)09501101020917(17)771231").expiry()).isEqualTo(LocalDate.of(1977, 12, 31));
    }

    @Test
    void readsABareGtinFromAnEan13() {
        Gs1ElementString scan = parse("5700312500056");
        assertThat(scan.gtin().digits()).isEqualTo("5700312500056");
        assertThat(scan.gtin().as14Digits()).isEqualTo("05700312500056");
        assertThat(scan.lot()).isNull();
    }

    @Test
    void refusesMalformedStringsWithTheReasonAsABundleKey() {
        assertRefused("(01)09501101020918(10)A", "gs1.error.checkDigit", 7);
        assertRefused("0109501101020917991234", "gs1.error.unknownAi.separator", "99");
        assertRefused("99123", "gs1.error.unknownAi", "99");
        assertRefused("(01)09501101020917(17)191308", "gs1.error.date", "17", "191308");
        assertRefused("(01)09501101020917(17)190231", "gs1.error.date", "17", "190231");
        assertRefused("(10)ABC", "gs1.error.noGtin");
        assertRefused("01095011010209", "gs1.error.truncated", "01", 14);
        assertRefused("0109501101020917" + "10ABCDEFGHIJKLMNOPQRSTU21123", "gs1.error.invalid.tooLong", "10", 0);
        assertRefused("(01)09501101020917(10)ABC 1", "gs1.error.invalid.text", "10", 0);
        assertRefused("(01)09501101020917 (10)ABC", "gs1.error.invalid.digits", "01", 14);
        assertRefused("(01)09501101020917(10)A(10)B", "gs1.error.twice", "10");
        assertRefused("(01)09501101020917)(10)ABC", "gs1.error.parentheses", 18);
        assertRefused("  ", "gs1.error.empty");
    }

    private static void assertRefused(String input, String key, Object... arguments) {
        assertThatThrownBy(() -> parse(input)).as(input)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().getFirst().field()).isEqualTo("scan");
                    assertThat(e.errors().getFirst().message()).isEqualTo(key);
                    assertThat(e.errors().getFirst().arguments()).containsExactly(arguments);
                });
    }
}
