package dk.fsc.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.fsc.shared.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

class CvrTest {

    @Test
    void acceptsANumberWhoseWeightedSumIsDivisibleByEleven() {
        // 2*3 + 7*1 + 6*2 + 5*5 + 4*4 + 3*7 + 2*0 + 1*1 = 88 = 8 * 11
        assertThat(Cvr.isValid("31254701")).isTrue();
        assertThat(Cvr.parse("cvr", "DK 31 25 47 01").digits()).isEqualTo("31254701");
    }

    @Test
    void rejectsAWrongCheckDigit() {
        assertThat(Cvr.isValid("31254702")).isFalse();
        assertThatThrownBy(() -> Cvr.parse("cvr", "31254702"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().getFirst().field()).isEqualTo("cvr");
                    assertThat(e.errors().getFirst().message()).isEqualTo("shared.error.cvrModulus11");
                });
    }

    @Test
    void rejectsAnythingButEightDigits() {
        assertThat(Cvr.isValid("3125470")).isFalse();
        assertThat(Cvr.isValid("312547011")).isFalse();
        assertThatThrownBy(() -> Cvr.parse("cvr", "3125470X")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("8 digits");
    }
}
