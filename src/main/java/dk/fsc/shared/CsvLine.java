package dk.fsc.shared;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** One line of an imported CSV file, read on its own so that every error can name its line. */
public final class CsvLine {

    private CsvLine() {
    }

    /** The line's fields; a line the format cannot read (an open quote) is one field, the whole line. */
    public static List<String> fields(String line, CSVFormat format) {
        try {
            List<CSVRecord> records = format.parse(new StringReader(line)).getRecords();
            return records.isEmpty() ? List.of() : records.getFirst().toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return List.of(line);
        }
    }
}
