package dk.fsc.shared;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

    /**
     * An uploaded file's text: UTF-8 without its byte-order mark, or, when the bytes are not
     * UTF-8, read as ISO-8859-1 so that the lines' own checks can name what is wrong.
     */
    public static String decode(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }
}
