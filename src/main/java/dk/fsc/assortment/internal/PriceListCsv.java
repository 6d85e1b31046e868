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
import dk.fsc.shared.web.Kroner;
import org.apache.commons.csv.CSVFormat;

/**
 * Reads a supplier's price list, all lines valid or none: UTF-8 (with or without a byte-order
 * mark), a header line naming the columns {@code item_number}, {@code price_ore} and
 * {@code valid_from} in any order (more columns are ignored), separated by commas or, as
 * Danish spreadsheets write them, semicolons. {@code item_number} is the supplier's own item
 * number, {@code price_ore} a whole number of øre, {@code valid_from} an ISO date after today.
 * The Danish header {@code varenummer;pris;gyldig_fra} is read too: {@code pris} in kroner as
 * Danes write them ({@code 810,00}, {@code 1.234,50}).
 * An item may appear once per list. A price that exists already for the item and date is
 * unchanged when the amount is the same and an error when it differs: prices are never changed.
 */
final class PriceListCsv {

    static final List<String> COLUMNS = List.of("item_number", "price_ore", "valid_from");
    private static final String PRICE_KRONER = "price_kroner";
    private static final Map<String, String> DANISH_COLUMNS = Map.of("varenummer", "item_number", "varenr",
            "item_number", "varenr.", "item_number", "pris", PRICE_KRONER, "pris_kr", PRICE_KRONER, "gyldig_fra",
            "valid_from");
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
            throw new InvalidInputException("The price list is empty.",
                    List.of(FieldError.of("body", "assortment.pricelist.empty", String.join(",", COLUMNS))));
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
                errors.add(FieldError.line(number, "assortment.pricelist.columns", columns.size(), fields.size()));
                continue;
            }
            int errorsBefore = errors.size();
            String item = fields.get(columns.get("item_number"));
            UUID product = products.get(item);
            if (product == null) {
                errors.add(FieldError.line(number, "assortment.pricelist.unknownItem", item));
            } else if (seenOnLine.putIfAbsent(item, number) != null) {
                errors.add(FieldError.line(number, "assortment.pricelist.repeatedItem", item, seenOnLine.get(item)));
            }
            long price = columns.containsKey(PRICE_KRONER)
                    ? kroner(fields.get(columns.get(PRICE_KRONER)), number, errors)
                    : price(fields.get(columns.get("price_ore")), number, errors);
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
                errors.add(FieldError.line(number, "assortment.pricelist.priceTaken", recorded, validFrom.toString(),
                        item));
            }
        }
        if (!errors.isEmpty()) {
            long badLines = errors.stream().map(FieldError::field).distinct().count();
            throw new InvalidInputException(badLines == 1 ? "The price list has 1 invalid line; nothing was saved."
                    : "The price list has " + badLines + " invalid lines; nothing was saved.", errors);
        }
        if (prices.isEmpty() && unchanged == 0) {
            throw new InvalidInputException("The price list has no prices.",
                    List.of(FieldError.of("body", "assortment.pricelist.noPrices")));
        }
        return new Parsed(prices, unchanged);
    }

    private static Map<String, Integer> columns(List<String> header, int lineNumber) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            name = DANISH_COLUMNS.getOrDefault(name, name);
            if (COLUMNS.contains(name) || name.equals(PRICE_KRONER)) {
                columns.putIfAbsent(name, i);
            }
        }
        List<String> missing = COLUMNS.stream().filter(column -> !columns.containsKey(column))
                .filter(column -> !(column.equals("price_ore") && columns.containsKey(PRICE_KRONER))).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("The price list's header is incomplete; nothing was saved.",
                    List.of(FieldError.line(lineNumber, "assortment.pricelist.header", missing.size(),
                            String.join(", ", missing), String.join(",", COLUMNS))));
        }
        return columns;
    }

    private static long price(String field, int number, List<FieldError> errors) {
        if (!WHOLE_NUMBER.matcher(field).matches()) {
            errors.add(FieldError.line(number, "assortment.pricelist.notOre", field));
        } else if (field.startsWith("-")) {
            errors.add(FieldError.line(number, "assortment.pricelist.negative", field));
        } else if (field.length() > 12 || Long.parseLong(field) > MAX_PRICE_ORE) {
            errors.add(FieldError.line(number, "assortment.pricelist.tooHigh", field, MAX_PRICE_ORE));
        } else {
            return Long.parseLong(field);
        }
        return -1;
    }

    /** A price in kroner as Danes type it, as øre. */
    private static long kroner(String field, int number, List<FieldError> errors) {
        Long ore = Kroner.parse(field).orElse(null);
        if (ore == null) {
            errors.add(FieldError.line(number, "assortment.pricelist.notKroner", field));
        } else if (ore > MAX_PRICE_ORE) {
            errors.add(FieldError.line(number, "assortment.pricelist.tooHigh", field, MAX_PRICE_ORE));
        } else {
            return ore;
        }
        return -1;
    }

    private LocalDate validFrom(String field, int number, List<FieldError> errors) {
        try {
            LocalDate date = LocalDate.parse(field);
            if (!date.isAfter(today)) {
                errors.add(FieldError.line(number, "assortment.pricelist.notAfterToday", field, today.toString()));
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.line(number, "assortment.pricelist.notDate", field));
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
            throw new InvalidInputException("The price list is not UTF-8 text; nothing was saved.",
                    List.of(FieldError.line(line, "assortment.pricelist.notUtf8",
                            String.format("%02X", body[position] & 0xFF))));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
