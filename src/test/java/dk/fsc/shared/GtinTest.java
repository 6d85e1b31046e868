package dk.fsc.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.fsc.shared.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

class GtinTest {

    @Test
    void acceptsGtinsOfEachLengthWithTheirGs1CheckDigit() {
        assertThat(Gtin.isValid("96385074")).isTrue();
        assertThat(Gtin.isValid("036000291452")).isTrue();
        assertThat(Gtin.isValid("5701234567899")).isTrue();
        assertThat(Gtin.isValid("4006381333931")).isTrue();
        assertThat(Gtin.isValid("10012345678902")).isTrue();
    }

    @Test
    void rejectsAWrongCheckDigitAndNamesTheRightOne() {
        assertThat(Gtin.isValid("5701234567898")).isFalse();
        assertThatThrownBy(() -> Gtin.parse("gtin", "5701234567898"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().getFirst().field()).isEqualTo("gtin");
                    assertThat(e.errors().getFirst().message()).isEqualTo("shared.error.gtinCheckDigit");
                    assertThat(e.errors().getFirst().arguments()).containsExactly(9);
                });
    }

    @Test
    void rejectsOtherLengthsAndNonDigits() {
        assertThat(Gtin.isValid("1234567")).isFalse();
        assertThat(Gtin.isValid("123456789")).isFalse();
        assertThat(Gtin.isValid("57012345678A")).isFalse();
        assertThat(Gtin.isValid("123456789012345")).isFalse();
        assertThatThrownBy(() -> Gtin.parse("gtin", "57-0123")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("8, 12, 13 or 14 digits");
    }

    @Test
    void addsTheCheckDigit() {
        assertThat(Gtin.withCheckDigit("570123456789")).isEqualTo(new Gtin("5701234567899"));
        assertThat(Gtin.parse("gtin", " 4006381333931 ").digits()).isEqualTo("4006381333931");
    }
}
