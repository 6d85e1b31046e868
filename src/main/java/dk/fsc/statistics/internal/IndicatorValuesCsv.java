package dk.fsc.statistics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dk.fsc.shared.CsvLine;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import org.apache.commons.csv.CSVFormat;

/**
 * Reads an indicator's values from CSV {@code area,period,value[,incomplete[,note]]} (comma or
 * semicolon, a header line optional), all lines valid or none: every refused line is named
 * with its reason.
 */
final class IndicatorValuesCsv {

    static final int MAX_LINES = 10_000;
    private static final Set<String> YES = Set.of("ja", "yes", "true", "1", "x");
    private static final Set<String> NO = Set.of("", "nej", "no", "false", "0");

    private IndicatorValuesCsv() {
    }

    static List<IndicatorValue> parse(byte[] body, Indicator indicator, IndicatorAreas areas) {
        String text = CsvLine.decode(body);
        List<String> lines = text.lines().toList();
        if (lines.stream().allMatch(String::isBlank)) {
            throw new InvalidInputException("The file is empty.", List.of(FieldError.of("body", "statistics.error.empty")));
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidInputException("The file has too many lines.",
                    List.of(FieldError.of("body", "statistics.error.tooManyLines", MAX_LINES)));
        }
        String first = lines.stream().filter(line -> !line.isBlank()).findFirst().orElseThrow();
        CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true)
                .setDelimiter(first.contains(";") ? ';' : ',').get();
        List<FieldError> errors = new ArrayList<>();
        List<IndicatorValue> values = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> fields = CsvLine.fields(lines.get(i), format);
            if (header) {
                header = false;
                if (!fields.isEmpty() && fields.getFirst().toLowerCase(Locale.ROOT).matches("area|område")) {
                    continue;
                }
            }
            if (fields.size() < 3 || fields.size() > 5) {
                errors.add(FieldError.line(number, "statistics.error.columns", fields.size()));
                continue;
            }
            Optional<String> area = areas.resolve(fields.get(0));
            if (area.isEmpty()) {
                errors.add(FieldError.line(number, "statistics.error.unknownArea", fields.get(0)));
            }
            Optional<Period> period = Period.parse(indicator.periodKind(), fields.get(1));
            if (period.isEmpty()) {
                errors.add(FieldError.line(number, "statistics.error.periodFormat." + indicator.periodKind().name(),
                        fields.get(1)));
            } else if (!indicator.covers(period.get())) {
                errors.add(FieldError.line(number, "statistics.error.periodOutside", fields.get(1),
                        indicator.firstPeriod().code(), indicator.lastPeriod().code()));
            }
            Optional<Long> value = value(fields.get(2));
            if (value.isEmpty()) {
                errors.add(FieldError.line(number, "statistics.error.value", fields.get(2)));
            }
            String flag = fields.size() > 3 ? fields.get(3).toLowerCase(Locale.ROOT) : "";
            if (!YES.contains(flag) && !NO.contains(flag)) {
                errors.add(FieldError.line(number, "statistics.error.incompleteFlag", fields.get(3)));
            }
            String note = fields.size() > 4 ? fields.get(4) : "";
            if (note.length() > 500) {
                errors.add(FieldError.line(number, "statistics.error.noteLength"));
            }
            if (area.isPresent() && period.isPresent()) {
                String key = area.get() + "|" + period.get().code();
                Integer earlier = seen.putIfAbsent(key, number);
                if (earlier != null) {
                    errors.add(FieldError.line(number, "statistics.error.duplicateLine", fields.get(0),
                            period.get().code(), earlier));
                } else if (value.isPresent() && indicator.covers(period.get())) {
                    values.add(new IndicatorValue(area.get(), period.get(), value.get(), YES.contains(flag),
                            note.isBlank() ? null : note));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Nothing was imported: " + errors.size() + " errors.", errors);
        }
        return values;
    }

    static Optional<Long> value(String text) {
        String trimmed = text.strip().replace(".", "");
        if (!trimmed.matches("[0-9]{1,12}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(trimmed));
    }

}
