package dk.fsc.devices.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import dk.fsc.devices.NeedLevel;
import dk.fsc.shared.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

class AssessmentRulesTest {

    static Map<String, String> answers(String... pairs) {
        Map<String, String> answers = new HashMap<>(Map.of("manageAlone", "no", "reminderEnough", "no", "dosesPerDay",
                "3", "cognitive", "no", "visual", "no", "motor", "no", "missedDoses", "yes", "relativesHelp", "no",
                "stable14Days", "yes"));
        for (int i = 0; i < pairs.length; i += 2) {
            answers.put(pairs[i], pairs[i + 1]);
        }
        return answers;
    }

    @Test
    void theDefaultRulesHaveNoGapAndRecommendTheLeastIntrusiveStepWithItsReasons() {
        AssessmentRules rules = AssessmentRules.parse(AssessmentRules.DEFAULT);
        assertThat(rules.firstGap()).isEmpty();
        assertThat(rules.recommend(AssessmentRules.answers(answers("manageAlone", "yes", "missedDoses", "no"))).level())
                .isEqualTo(NeedLevel.SELF_MANAGED);
        AssessmentRules.Recommendation dispenser = rules.recommend(AssessmentRules.answers(answers()));
        assertThat(dispenser.level()).isEqualTo(NeedLevel.DISPENSER);
        assertThat(dispenser.reasons()).singleElement().asString().contains("Stabil medicinering");
        assertThat(rules.recommend(AssessmentRules.answers(answers("cognitive", "yes"))).level())
                .isEqualTo(NeedLevel.DISPENSER_WITH_ALARM);
        assertThat(rules.functionsFor(NeedLevel.DISPENSER_WITH_ALARM)).containsExactly("ALARM", "REMOTE_MONITORING");
    }

    @Test
    void rulesWithAGapAreRefusedNamingAnExampleOfAnswersThatFallsThrough() {
        String withoutCatchAll = AssessmentRules.DEFAULT.lines().filter(line -> !line.contains("fits DISPENSER_WITH_ALARM"))
                .reduce("", (a, b) -> a + b + "\n");
        assertThatThrownBy(() -> AssessmentRules.parse(withoutCatchAll)).isInstanceOfSatisfying(
                InvalidInputException.class, refused -> {
                    assertThat(refused.errors()).singleElement().satisfies(error -> {
                        assertThat(error.message()).isEqualTo("devices.error.rules.gap");
                        assertThat(error.arguments().getFirst().toString()).contains("cognitive=yes");
                    });
                });
    }

    @Test
    void unreadableRulesNameTheLineAndWhatIsWrong() {
        assertThatThrownBy(() -> AssessmentRules.parse("fits NOWHERE because x\nfits DISPENSER when colour=red because y\n"
                + "fits DISPENSER when cognitive=maybe because z\nhello"))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.errors())
                        .extracting(e -> e.message()).containsExactly("devices.error.rules.level",
                                "devices.error.rules.question", "devices.error.rules.answer",
                                "devices.error.rules.syntax"));
        assertThatThrownBy(() -> AssessmentRules.parse("# nothing")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anIncompleteAssessmentNamesEveryQuestionNotAnswered() {
        Map<String, String> partial = answers();
        partial.remove("motor");
        partial.put("dosesPerDay", "7");
        assertThatThrownBy(() -> AssessmentRules.answers(partial)).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.errors()).extracting(e -> e.field())
                        .containsExactlyInAnyOrder("motor", "dosesPerDay"));
    }
}
