package dk.fsc.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class PopulationCsvTest {

    private static final MunicipalityCode AARHUS = new MunicipalityCode("751");
    private static final MunicipalityCode SAMSOE = new MunicipalityCode("741");
    private static final MunicipalityCode RINGKOEBING = new MunicipalityCode("760");

    private final PopulationCsv csv = new PopulationCsv(register());

    private static Map<MunicipalityCode, String> register() {
        Map<MunicipalityCode, String> register = new LinkedHashMap<>();
        register.put(AARHUS, "Aarhus");
        register.put(SAMSOE, "Samsø");
        register.put(RINGKOEBING, "Ringkøbing-Skjern");
        return register;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private InvalidInputException rejected(String text) {
        return (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> csv.parse(utf8(text), 2025));
    }

    @Test
    void readsCodePopulationWithHeader() {
        PopulationCsv.Parsed parsed = csv.parse(utf8("code,population\n751,367095\r\n741,3650\n"), 2025);

        assertThat(parsed.format()).isEqualTo(PopulationCsv.Format.CODES);
        assertThat(parsed.figures()).containsEntry(AARHUS, 367095).containsEntry(SAMSOE, 3650).hasSize(2);
    }

    @Test
    void readsCodePopulationWithoutHeaderAndWithLeadingZeroCodes() {
        PopulationCsv.Parsed parsed = csv.parse(utf8("0751,367095\n741,3650\n"), 2025);

        assertThat(parsed.figures()).containsEntry(AARHUS, 367095).containsEntry(SAMSOE, 3650);
    }

    @Test
    void namesEveryBadLineAndItsReason() {
        InvalidInputException error = rejected("""
                code,population
                751,-5
                999,10
                741,abc
                760
                751,12
                760,99999999999
                """);

        assertThat(error.errors()).extracting(FieldError::field)
                .containsExactly("line 2", "line 3", "line 4", "line 5", "line 6", "line 7");
        assertThat(english(error)).satisfiesExactly(
                m -> assertThat(m).contains("negative"),
                m -> assertThat(m).contains("unknown municipality code '999'"),
                m -> assertThat(m).contains("'abc' is not a whole number"),
                m -> assertThat(m).contains("expected 2 columns"),
                m -> assertThat(m).contains("appears again (first on line 2)"),
                m -> assertThat(m).contains("larger than any"));
    }

    @Test
    void rejectsAHeaderWithAMissingColumn() {
        InvalidInputException error = rejected("code\n751\n");

        assertThat(error.errors()).extracting(FieldError::field).contains("line 1");
    }

    @Test
    void rejectsAnEmptyBody() {
        assertThatThrownBy(() -> csv.parse(new byte[0], 2025)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .extracting(FieldError::field).containsExactly("body"));
        assertThat(rejected("\n  \n").errors()).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void rejectsAFileWithOnlyAHeader() {
        assertThat(rejected("code,population\n").errors()).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void readsAStatBankFolk1aExportInIso88591AndIgnoresAreasOutsideTheRegister() {
        String export = """
                "Befolkningen den 1. i kvartalet efter område og tid";;
                ;"2025K1";
                "Hele landet";"2025K1";"5961249"
                "Region Midtjylland";"2025K1";"1362400"
                "Aarhus";"2025K1";"367095"
                "Samsø";"2025K1";"3650"
                "Ringkøbing-Skjern Kommune";"2025K1";"56123"
                "København";"2025K1";"667099"
                """;

        PopulationCsv.Parsed parsed = csv.parse(export.getBytes(StandardCharsets.ISO_8859_1), 2025);

        assertThat(parsed.format()).isEqualTo(PopulationCsv.Format.FOLK1A);
        assertThat(parsed.figures()).containsEntry(AARHUS, 367095).containsEntry(SAMSOE, 3650)
                .containsEntry(RINGKOEBING, 56123);
        assertThat(parsed.ignored()).containsExactly("Hele landet", "Region Midtjylland", "København");
    }

    @Test
    void readsAStatBankExportInUtf8WithAByteOrderMarkAndWithoutPeriodColumn() {
        PopulationCsv.Parsed parsed = csv.parse(utf8("\uFEFFOMRÅDE;INDHOLD\nAarhus;367095\nSamsø;3650\n"), 2025);

        assertThat(parsed.figures()).containsEntry(AARHUS, 367095).containsEntry(SAMSOE, 3650);
    }

    @Test
    void rejectsStatBankFiguresOfAnotherYear() {
        InvalidInputException error = rejected("Aarhus;2024K1;360000\nSamsø;2025K1;3650\n");

        assertThat(error.errors()).extracting(FieldError::field).containsExactly("line 1");
        assertThat(english(error).getFirst()).contains("2024K1");
    }

    @Test
    void rejectsStatBankRowsWithBadFigures() {
        InvalidInputException error = rejected("Aarhus;2025K1;367095\nSamsø;2025K1;-3\nAarhus;2025K1;1\n");

        assertThat(error.errors()).extracting(FieldError::field).containsExactly("line 2", "line 3");
    }

    @Test
    void decodesUtf8AndFallsBackToIso88591() {
        assertThat(dk.fsc.shared.CsvLine.decode("Samsø".getBytes(StandardCharsets.UTF_8))).isEqualTo("Samsø");
        assertThat(dk.fsc.shared.CsvLine.decode("Samsø".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("Samsø");
    }

    @Test
    void parsesOnlyFourDigitYears() {
        assertThat(ImportPopulations.parseYear("2025")).isEqualTo(2025);
        for (String bad : new String[] { "20x5", "25", "20255", "", "-2025", "1500" }) {
            assertThatThrownBy(() -> ImportPopulations.parseYear(bad)).as(bad)
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void normalisesMunicipalityCodes() {
        assertThat(MunicipalityCode.parse("code", "0751")).isEqualTo(AARHUS);
        assertThat(MunicipalityCode.parse("code", " 751 ")).isEqualTo(AARHUS);
        for (String bad : new String[] { "75", "7510", "abc", "075", "" }) {
            assertThatThrownBy(() -> MunicipalityCode.parse("code", bad)).as(bad)
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    /** The reasons as the API words them, in English. */
    private static List<String> english(InvalidInputException error) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return error.errors().stream().map(reason -> reason.worded(messages, Locale.ENGLISH).message()).toList();
    }
}
