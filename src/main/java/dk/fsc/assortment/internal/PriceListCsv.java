package dk.fsc.assortment.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.fsc.shared.CsvLine;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import org.apache.commons.csv.CSVFormat;

/**
 * Reads a supplier's price list, all lines valid or none: UTF-8 (with or without a byte-order
 * mark), a header line naming the columns {@code item_number}, {@code price_ore} and
 * {@code valid_from} in any order (more columns are ignored), separated by commas or, as
 * Danish spreadsheets write them, semicolons. {@code item_number} is the supplier's own item
 * number, {@code price_ore} a whole number of øre, {@code valid_from} an ISO date after today.
 * An item may appear once per list. A price that exists already for the item and date is
 * unchanged when the amount is the same and an error when it differs: prices are never changed.
 */
final class PriceListCsv {

    static final List<String> COLUMNS = List.of("item_number", "price_ore", "valid_from");
    /** 100 million kr: above any product's price, far below overflow. */
    static final long MAX_PRICE_ORE = 10_000_000_000L;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");

    /** A valid line: the product it prices and the line it came from. */
    record Line(int number, UUID productId, LocalDate validFrom, long priceOre) {
    }

    /** @param unchanged lines whose price was already recorded with the same amount */
    record Parsed(List<Line> prices, int unchanged) {
    }

    private final Map<String, UUID> products;
    private final Map<PriceRepository.Key, Long> existing;
    private final LocalDate today;

    /**
     * @param products the supplier's products by the supplier's item number
     * @param existing the prices already recorded from after today on
     */
    PriceListCsv(Map<String, UUID> products, Map<PriceRepository.Key, Long> existing, LocalDate today) {
        this.products = products;
        this.existing = existing;
        this.today = today;
    }

    Parsed parse(byte[] body) {
        List<String> lines = decode(body).lines().toList();
        int headerIndex = 0;
        while (headerIndex < lines.size() && lines.get(headerIndex).isBlank()) {
            headerIndex++;
        }
        if (headerIndex == lines.size()) {
            throw InvalidInputException.of("body", "is empty: expected a header line " + String.join(",", COLUMNS)
                    + " and a line per price");
        }
        String header = lines.get(headerIndex);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(header.contains(";") ? ';' : ',').setTrim(true)
                .get();
        Map<String, Integer> columns = columns(CsvLine.fields(header, format), headerIndex + 1);
        List<FieldError> errors = new ArrayList<>();
        List<Line> prices = new ArrayList<>();
        Map<String, Integer> seenOnLine = new HashMap<>();
        int unchanged = 0;
        for (int i = headerIndex + 1; i < lines.size(); i++) {
            int number = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> fields = CsvLine.fields(lines.get(i), format);
            if (fields.size() < columns.size()) {
                errors.add(FieldError.line(number, "expected " + columns.size() + " columns, found " + fields.size()));
                continue;
            }
            int errorsBefore = errors.size();
            String item = fields.get(columns.get("item_number"));
            UUID product = products.get(item);
            if (product == null) {
                errors.add(FieldError.line(number,
                        "unknown item number '" + item + "': not one of this supplier's products"));
            } else if (seenOnLine.putIfAbsent(item, number) != null) {
                errors.add(FieldError.line(number, "item number '" + item + "' appears again (first on line "
                        + seenOnLine.get(item) + ")"));
            }
            long price = price(fields.get(columns.get("price_ore")), number, errors);
            LocalDate validFrom = validFrom(fields.get(columns.get("valid_from")), number, errors);
            if (errors.size() > errorsBefore) {
                continue;
            }
            Long recorded = existing.get(new PriceRepository.Key(product, validFrom));
            if (recorded == null) {
                prices.add(new Line(number, product, validFrom, price));
            } else if (recorded == price) {
                unchanged++;
            } else {
                errors.add(FieldError.line(number, "a price of " + recorded + " øre from " + validFrom
                        + " exists already for '" + item + "'; prices are never changed"));
            }
        }
        if (!errors.isEmpty()) {
            long badLines = errors.stream().map(FieldError::field).distinct().count();
            throw new InvalidInputException(badLines == 1 ? "The price list has 1 invalid line; nothing was saved."
                    : "The price list has " + badLines + " invalid lines; nothing was saved.", errors);
        }
        if (prices.isEmpty() && unchanged == 0) {
            throw InvalidInputException.of("body", "contains no prices, only the header line");
        }
        return new Parsed(prices, unchanged);
    }

    private static Map<String, Integer> columns(List<String> header, int lineNumber) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            if (COLUMNS.contains(name)) {
                columns.putIfAbsent(name, i);
            }
        }
        List<String> missing = COLUMNS.stream().filter(column -> !columns.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            String message = "the header lacks the column" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + "; expected " + String.join(",", COLUMNS);
            throw new InvalidInputException("The price list's header is incomplete; nothing was saved.",
                    List.of(FieldError.line(lineNumber, message)));
        }
        return columns;
    }

    private static long price(String field, int number, List<FieldError> errors) {
        if (!WHOLE_NUMBER.matcher(field).matches()) {
            errors.add(FieldError.line(number,
                    "price '" + field + "' is not a whole number of øre (129.50 kr is 12950)"));
        } else if (field.startsWith("-")) {
            errors.add(FieldError.line(number, "price " + field + " is negative"));
        } else if (field.length() > 12 || Long.parseLong(field) > MAX_PRICE_ORE) {
            errors.add(FieldError.line(number, "price " + field + " øre is above " + MAX_PRICE_ORE + " øre"));
        } else {
            return Long.parseLong(field);
        }
        return -1;
    }

    private LocalDate validFrom(String field, int number, List<FieldError> errors) {
        try {
            LocalDate date = LocalDate.parse(field);
            if (!date.isAfter(today)) {
                errors.add(FieldError.line(number, "valid_from " + field + " is not after today (" + today
                        + "): a price change never alters the past"));
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.line(number, "valid_from '" + field + "' is not a date like 2027-01-01"));
            return today;
        }
    }

    /** The text, or an error naming the line of the first byte that is not UTF-8. */
    static String decode(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int position = in.position();
            int line = 1;
            for (int i = 0; i < position; i++) {
                if (body[i] == '\n') {
                    line++;
                }
            }
            String message = String.format("is not UTF-8 text (byte 0x%02X); the file seems to be saved in another"
                    + " encoding such as Windows-1252: save it as UTF-8", body[position] & 0xFF);
            throw new InvalidInputException("The price list is not UTF-8 text; nothing was saved.",
                    List.of(FieldError.line(line, message)));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
