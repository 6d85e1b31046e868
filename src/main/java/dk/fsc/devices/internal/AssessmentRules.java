package dk.fsc.devices.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.fsc.devices.NeedLevel;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;

/**
 * The needs-assessment rules as data, one rule a line, written by an administrator:
 *
 * <pre>
 * fits DISPENSER when cognitive=no, dosesPerDay=1|2 because A reminder with the doses is enough
 * requires DISPENSER_WITH_ALARM ALARM REMOTE_MONITORING
 * </pre>
 *
 * A {@code fits} line says a step fits the citizen when every condition holds (a value list
 * with {@code |} means any of them); the recommendation is the least intrusive step that fits,
 * with the reasons of its rules. A {@code requires} line names the device functions a step
 * needs. {@code #} starts a comment. A set of rules is accepted only when every combination of
 * answers fits some step.
 */
record AssessmentRules(List<Rule> rules, Map<NeedLevel, Set<String>> requiredFunctions) {

    /** The questions and their answers, in the order the caseworker is asked. */
    enum Question {
        manageAlone("yes", "no"),
        reminderEnough("yes", "no"),
        dosesPerDay("1", "2", "3", "4"),
        cognitive("yes", "no"),
        visual("yes", "no"),
        motor("yes", "no"),
        missedDoses("yes", "no"),
        relativesHelp("yes", "no"),
        stable14Days("yes", "no");

        final List<String> answers;

        Question(String... answers) {
            this.answers = List.of(answers);
        }

        /** The answers a caseworker may give, for the pages. */
        public List<String> choices() {
            return answers;
        }
    }

    record Rule(int line, NeedLevel level, Map<Question, Set<String>> conditions, String reason) {

        boolean fits(Map<Question, String> answers) {
            return conditions.entrySet().stream().allMatch(c -> c.getValue().contains(answers.get(c.getKey())));
        }
    }

    record Recommendation(NeedLevel level, List<String> reasons) {
    }

    private static final Pattern FITS = Pattern.compile("fits\\s+(\\w+)(?:\\s+when\\s+(.+?))?\\s+because\\s+(.+)");
    private static final Pattern REQUIRES = Pattern.compile("requires\\s+(\\w+)((?:\\s+[A-Z_]+)+)");

    static AssessmentRules parse(String text) {
        List<FieldError> errors = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        Map<NeedLevel, Set<String>> required = new EnumMap<>(NeedLevel.class);
        String[] lines = text.split("\\R", -1);
        if (lines.length > 500) {
            throw InvalidInputException.of("rules", "devices.error.rules.tooLong");
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher fits = FITS.matcher(line);
            Matcher requires = REQUIRES.matcher(line);
            if (fits.matches()) {
                NeedLevel level = level(fits.group(1));
                Map<Question, Set<String>> conditions = conditions(fits.group(2), number, errors);
                if (level == null) {
                    errors.add(FieldError.of("rules", "devices.error.rules.level", number, fits.group(1)));
                } else if (conditions != null) {
                    rules.add(new Rule(number, level, conditions, fits.group(3).strip()));
                }
            } else if (requires.matches()) {
                NeedLevel level = level(requires.group(1));
                if (level == null) {
                    errors.add(FieldError.of("rules", "devices.error.rules.level", number, requires.group(1)));
                } else {
                    required.put(level, new TreeSet<>(Arrays.asList(requires.group(2).strip().split("\\s+"))));
                }
            } else {
                errors.add(FieldError.of("rules", "devices.error.rules.syntax", number));
            }
        }
        if (errors.isEmpty() && rules.isEmpty()) {
            errors.add(FieldError.of("rules", "devices.error.rules.empty"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The rules cannot be read", errors);
        }
        AssessmentRules parsed = new AssessmentRules(List.copyOf(rules), Map.copyOf(required));
        parsed.firstGap().ifPresent(gap -> {
            throw new InvalidInputException("The rules have a gap",
                    List.of(FieldError.of("rules", "devices.error.rules.gap", describe(gap))));
        });
        return parsed;
    }

    private static NeedLevel level(String code) {
        return Arrays.stream(NeedLevel.values()).filter(l -> l.name().equals(code)).findFirst().orElse(null);
    }

    private static Map<Question, Set<String>> conditions(String text, int number, List<FieldError> errors) {
        Map<Question, Set<String>> conditions = new EnumMap<>(Question.class);
        if (text == null) {
            return conditions;
        }
        for (String part : text.split(",")) {
            String[] pair = part.strip().split("=", 2);
            Question question = Arrays.stream(Question.values()).filter(q -> q.name().equals(pair[0].strip()))
                    .findFirst().orElse(null);
            if (question == null || pair.length < 2) {
                errors.add(FieldError.of("rules", "devices.error.rules.question", number, pair[0].strip()));
                return null;
            }
            Set<String> values = new TreeSet<>(Arrays.asList(pair[1].strip().split("\\s*\\|\\s*")));
            if (!question.answers.containsAll(values)) {
                errors.add(FieldError.of("rules", "devices.error.rules.answer", number, part.strip(),
                        String.join("|", question.answers)));
                return null;
            }
            conditions.put(question, values);
        }
        return conditions;
    }

    /** The first combination of answers (in the questions' order) that no rule lets fit, if any. */
    Optional<Map<Question, String>> firstGap() {
        Question[] questions = Question.values();
        int[] at = new int[questions.length];
        while (true) {
            Map<Question, String> answers = new EnumMap<>(Question.class);
            for (int q = 0; q < questions.length; q++) {
                answers.put(questions[q], questions[q].answers.get(at[q]));
            }
            if (rules.stream().noneMatch(rule -> rule.fits(answers))) {
                return Optional.of(answers);
            }
            int q = questions.length - 1;
            while (q >= 0 && ++at[q] == questions[q].answers.size()) {
                at[q--] = 0;
            }
            if (q < 0) {
                return Optional.empty();
            }
        }
    }

    static String describe(Map<Question, String> answers) {
        Map<String, String> ordered = new LinkedHashMap<>();
        answers.forEach((q, a) -> ordered.put(q.name(), a));
        return String.join(", ", ordered.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    /** Reads a full set of answers, naming each question left out or answered with something unknown. */
    static Map<Question, String> answers(Map<String, String> typed) {
        Map<Question, String> answers = new EnumMap<>(Question.class);
        List<FieldError> errors = new ArrayList<>();
        for (Question question : Question.values()) {
            String answer = typed.get(question.name());
            if (answer == null || !question.answers.contains(answer)) {
                errors.add(FieldError.of(question.name(), "devices.error.answer"));
            } else {
                answers.put(question, answer);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The assessment is incomplete", errors);
        }
        return answers;
    }

    /** The least intrusive step that fits, with the reasons of every rule that lets it fit. */
    Recommendation recommend(Map<Question, String> answers) {
        NeedLevel level = rules.stream().filter(rule -> rule.fits(answers)).map(Rule::level)
                .min(Enum::compareTo).orElseThrow(() -> new IllegalStateException("Checked rules have no gap"));
        return new Recommendation(level, rules.stream().filter(rule -> rule.level() == level && rule.fits(answers))
                .map(Rule::reason).toList());
    }

    Set<String> functionsFor(NeedLevel level) {
        return requiredFunctions.getOrDefault(level, Set.of());
    }

    static final String DEFAULT = """
            # Trin 1: borgeren klarer medicinen selv
            fits SELF_MANAGED when manageAlone=yes, missedDoses=no, cognitive=no because Borgeren klarer sin medicin selv og har ikke glemt doser
            fits SELF_MANAGED when relativesHelp=yes, missedDoses=no, cognitive=no because Pårørende hjælper, og borgeren har ikke glemt doser
            # Trin 2: en simpel påmindelse
            fits SIMPLE_REMINDER when reminderEnough=yes, cognitive=no, dosesPerDay=1|2 because En simpel påmindelse er nok ved en eller to doser om dagen
            # Trin 3: dispenser med påmindelse
            fits DISPENSER when cognitive=no, stable14Days=yes, motor=no because Stabil medicinering: en dispenser med påmindelse støtter borgeren
            fits DISPENSER when visual=yes, cognitive=no, stable14Days=yes because Nedsat syn: dispenseren giver lyd og lys ved hver dosis
            # Trin 4: dispenser, som FSC genopfylder
            fits DISPENSER_WITH_REFILL when motor=yes, cognitive=no because Motoriske vanskeligheder: FSC genopfylder dispenseren
            fits DISPENSER_WITH_REFILL when stable14Days=no, missedDoses=no, cognitive=no because Medicinen ændres ofte: FSC genopfylder dispenseren
            # Trin 5: dispenser med alarm til hjemmeplejen
            fits DISPENSER_WITH_ALARM because Intet mindre indgribende trin passer: dispenser med alarm til hjemmeplejen
            requires DISPENSER REMINDER_SOUND
            requires DISPENSER_WITH_REFILL REMINDER_SOUND LOCKED_COMPARTMENTS
            requires DISPENSER_WITH_ALARM ALARM REMOTE_MONITORING
            """;
}
