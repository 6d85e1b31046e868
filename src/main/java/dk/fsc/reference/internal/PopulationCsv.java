package dk.fsc.reference.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.CsvLine;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import org.apache.commons.csv.CSVFormat;

/**
 * Reads a year's population figures in either of two formats, all lines valid or none:
 * <ul>
 * <li>{@code code,population}: comma-separated, one municipality code per line, with or
 * without that header;</li>
 * <li>Statistics Denmark's StatBank export of table FOLK1A: semicolon-separated, the
 * municipality's name first and the figure last, in UTF-8 or ISO-8859-1. Title and header
 * lines before the first figure are skipped; rows for areas that are not municipalities in
 * the register (the whole country, regions, municipalities of other regions) are ignored
 * and reported.</li>
 * </ul>
 */
final class PopulationCsv {

    static final int MAX_POPULATION = 20_000_000;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");
    private static final Pattern PERIOD = Pattern.compile("([0-9]{4})(?:[KkQqMm][0-9]{1,2})?");
    private static final CSVFormat COMMA = CSVFormat.DEFAULT.builder().setTrim(true).get();
    private static final CSVFormat SEMICOLON = CSVFormat.DEFAULT.builder().setDelimiter(';').setTrim(true).get();

    enum Format {
        CODES("CSV code,population"), FOLK1A("Statistics Denmark FOLK1A");

        final String source;

        Format(String source) {
            this.source = source;
        }
    }

    record Parsed(Format format, Map<MunicipalityCode, Integer> figures, List<String> ignored) {
    }

    private final Map<String, MunicipalityCode> codesByName = new HashMap<>();
    private final Map<String, MunicipalityCode> knownCodes = new HashMap<>();

    /** @param municipalities the register: code to name */
    PopulationCsv(Map<MunicipalityCode, String> municipalities) {
        municipalities.forEach((code, name) -> {
            codesByName.put(normalisedName(name), code);
            knownCodes.put(code.value(), code);
        });
    }

    Parsed parse(byte[] body, int year) {
        String text = CsvLine.decode(body);
        List<String> lines = text.lines().toList();
        if (lines.stream().allMatch(String::isBlank)) {
            throw new InvalidInputException("The file is empty.",
                    List.of(FieldError.of("body", "reference.error.empty")));
        }
        String first = lines.stream().filter(line -> !line.isBlank()).findFirst().orElseThrow();
        return first.contains(";") ? parseFolk1a(lines, year) : parseCodes(lines);
    }

    private Parsed parseCodes(List<String> lines) {
        List<FieldError> errors = new ArrayList<>();
        Map<MunicipalityCode, Integer> figures = new LinkedHashMap<>();
        Map<MunicipalityCode, Integer> seenOnLine = new HashMap<>();
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> fields = CsvLine.fields(lines.get(i), COMMA);
            if (first) {
                first = false;
                if (fields.size() == 2 && fields.get(0).equalsIgnoreCase("code")
                        && fields.get(1).equalsIgnoreCase("population")) {
                    continue;
                }
                if (fields.isEmpty() || !fields.get(0).matches("[0-9]+")) {
                    errors.add(FieldError.line(lineNumber, "reference.error.header"));
                    continue;
                }
            }
            if (fields.size() != 2) {
                errors.add(FieldError.line(lineNumber, "reference.error.columns", fields.size()));
                continue;
            }
            Optional<MunicipalityCode> code = code(fields.get(0));
            Optional<Integer> population = population(fields.get(1), lineNumber, errors);
            if (code.isEmpty()) {
                errors.add(FieldError.line(lineNumber, "reference.error.unknownCode", fields.get(0)));
            } else if (seenOnLine.containsKey(code.get())) {
                errors.add(FieldError.line(lineNumber, "reference.error.repeated", code.get().value(),
                        seenOnLine.get(code.get())));
            } else {
                seenOnLine.put(code.get(), lineNumber);
                population.ifPresent(value -> figures.put(code.get(), value));
            }
        }
        return result(Format.CODES, figures, List.of(), errors);
    }

    private Parsed parseFolk1a(List<String> lines, int year) {
        List<FieldError> errors = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Map<MunicipalityCode, Integer> figures = new LinkedHashMap<>();
        Map<MunicipalityCode, Integer> seenOnLine = new HashMap<>();
        boolean dataStarted = false;
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> fields = CsvLine.fields(lines.get(i), SEMICOLON);
            String name = fields.isEmpty() ? "" : fields.getFirst();
            String last = fields.isEmpty() ? "" : fields.getLast();
            MunicipalityCode code = codesByName.get(normalisedName(name));
            boolean numeric = fields.size() >= 2 && WHOLE_NUMBER.matcher(last).matches();
            if (code == null && !dataStarted && !numeric) {
                continue;
            }
            dataStarted = true;
            if (fields.size() < 2) {
                errors.add(FieldError.line(lineNumber, "reference.error.folk1aColumns"));
                continue;
            }
            periodMismatch(fields, year).ifPresent(period -> errors.add(
                    FieldError.line(lineNumber, "reference.error.period", period, year)));
            if (code == null) {
                if (numeric) {
                    ignored.add(name);
                } else {
                    errors.add(FieldError.line(lineNumber, "reference.error.notMunicipality", name, last));
                }
                continue;
            }
            Optional<Integer> population = population(last, lineNumber, errors);
            if (seenOnLine.containsKey(code)) {
                errors.add(FieldError.line(lineNumber, "reference.error.repeated", name, seenOnLine.get(code)));
            } else {
                seenOnLine.put(code, lineNumber);
                population.ifPresent(value -> figures.put(code, value));
            }
        }
        return result(Format.FOLK1A, figures, ignored, errors);
    }

    private static Parsed result(Format format, Map<MunicipalityCode, Integer> figures, List<String> ignored,
            List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.size() == 1
                    ? "The file has 1 invalid line; nothing was saved."
                    : "The file has " + errors.size() + " invalid lines; nothing was saved.", errors);
        }
        if (figures.isEmpty()) {
            throw new InvalidInputException("The file has no population figures.",
                    List.of(FieldError.of("body", "reference.error.noFigures")));
        }
        return new Parsed(format, figures, List.copyOf(ignored));
    }

    private Optional<MunicipalityCode> code(String field) {
        String trimmed = field.strip();
        if (trimmed.length() == 4 && trimmed.startsWith("0")) {
            trimmed = trimmed.substring(1);
        }
        return Optional.ofNullable(knownCodes.get(trimmed));
    }

    private static Optional<Integer> population(String field, int lineNumber, List<FieldError> errors) {
        if (!WHOLE_NUMBER.matcher(field).matches()) {
            errors.add(FieldError.line(lineNumber, "reference.error.notWholeNumber", field));
            return Optional.empty();
        }
        if (field.startsWith("-")) {
            errors.add(FieldError.line(lineNumber, "reference.error.negative", field));
            return Optional.empty();
        }
        if (field.length() > 9 || Integer.parseInt(field) > MAX_POPULATION) {
            errors.add(FieldError.line(lineNumber, "reference.error.tooLarge", field));
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(field));
    }

    private static Optional<String> periodMismatch(List<String> fields, int year) {
        for (String field : fields.subList(1, fields.size() - 1)) {
            Matcher period = PERIOD.matcher(field);
            if (period.matches() && Integer.parseInt(period.group(1)) != year) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    static String normalisedName(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(" kommune") ? lower.substring(0, lower.length() - " kommune".length()).strip() : lower;
    }

    /** UTF-8 when the bytes are valid UTF-8 (a byte-order mark is dropped), else ISO-8859-1. */
}
