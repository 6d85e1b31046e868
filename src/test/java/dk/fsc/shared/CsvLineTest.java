package dk.fsc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvLineTest {

    private static final List<CSVFormat> FORMATS = List.of(CSVFormat.DEFAULT,
            CSVFormat.DEFAULT.builder().setDelimiter(';').get(), CSVFormat.DEFAULT.builder().setTrim(true).get());

    @ParameterizedTest
    @ValueSource(strings = {"Stomi,bench-1,2026-01-01T07:00:00Z,,2026-01-01T07:01:00Z,2026-01-01T07:01:00Z,",
            "a;b;;c", " 751 , 380000 ", ",", ";", "one", "\"quoted, with comma\",x", "\"open", "æ,ø;å",
            "a,\"b\"\"c\",d", " "})
    void readsEachLineAsTheParserDoes(String line) throws IOException {
        for (CSVFormat format : FORMATS) {
            assertThat(CsvLine.fields(line, format)).as("%s in %s", line, format).isEqualTo(parsed(line, format));
        }
    }

    private static List<String> parsed(String line, CSVFormat format) throws IOException {
        try {
            List<CSVRecord> records = format.parse(new StringReader(line)).getRecords();
            return records.isEmpty() ? List.of() : records.getFirst().toList();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            return List.of(line);
        }
    }
}
