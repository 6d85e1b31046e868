package dk.fsc.shared;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** One line of an imported CSV file, read on its own so that every error can name its line. */
public final class CsvLine {

    private CsvLine() {
    }

    /** The line's fields; a line the format cannot read (an open quote) is one field, the whole line. */
    public static List<String> fields(String line, CSVFormat format) {
        if (plain(line, format)) {
            return split(line, format.getDelimiterString());
        }
        try {
            List<CSVRecord> records = format.parse(new StringReader(line)).getRecords();
            return records.isEmpty() ? List.of() : records.getFirst().toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return List.of(line);
        }
    }

    /** The texts between the delimiters, found with {@code indexOf}: no regular expression per line. */
    private static List<String> split(String line, String delimiter) {
        List<String> fields = new ArrayList<>(8);
        int from = 0;
        for (int at = line.indexOf(delimiter); at >= 0; at = line.indexOf(delimiter, from)) {
            fields.add(line.substring(from, at));
            from = at + delimiter.length();
        }
        fields.add(line.substring(from));
        return fields;
    }

    /**
     * A line the format reads as its bare text between delimiters: no quote or escape in it, and a
     * format that neither trims, skips comments nor maps a null string. Split directly, it reads as
     * the parser reads it, without a parser for each of a large file's lines.
     */
    private static boolean plain(String line, CSVFormat format) {
        return !line.isEmpty() && !format.getTrim() && !format.getIgnoreSurroundingSpaces()
                && format.getCommentMarker() == null && format.getEscapeCharacter() == null
                && format.getNullString() == null
                && (format.getQuoteCharacter() == null || line.indexOf(format.getQuoteCharacter()) < 0);
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
