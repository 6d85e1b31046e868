package dk.fsc.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LargestRemainderTest {

    @Test
    void theLeftOverOreGoToTheLargestRemaindersAndTheSumIsExact() {
        Map<String, Long> weights = new LinkedHashMap<>();
        weights.put("a", 1L);
        weights.put("b", 1L);
        weights.put("c", 1L);
        assertThat(LargestRemainder.split(100, weights, Comparator.naturalOrder()))
                .containsExactly(Map.entry("a", 34L), Map.entry("b", 33L), Map.entry("c", 33L));
    }

    @Test
    void aTieGoesToThePartyFirstInTheTieOrder() {
        Map<String, Long> weights = new LinkedHashMap<>();
        weights.put("751", 1L);
        weights.put("615", 1L);
        assertThat(LargestRemainder.split(1, weights, Comparator.naturalOrder()))
                .containsEntry("615", 1L).containsEntry("751", 0L);
    }

    @Test
    void largerRemaindersWinOverTheTieOrder() {
        Map<String, Long> weights = new LinkedHashMap<>();
        weights.put("a", 1L);
        weights.put("b", 2L);
        assertThat(LargestRemainder.split(1, weights, Comparator.naturalOrder())).containsEntry("b", 1L);
    }

    @Test
    void aYearlyAmountSpreadOverTwelveMonthsSumsToTheYear() {
        assertThat(LargestRemainder.evenly(135_000_000, 12)).containsOnly(11_250_000L);
        assertThat(LargestRemainder.evenly(100, 12)).startsWith(9L, 9L, 9L, 9L).endsWith(8L)
                .satisfies(months -> assertThat(months.stream().mapToLong(Long::longValue).sum()).isEqualTo(100));
    }

    @Test
    void aCreditIsSplitLikeACharge() {
        Map<String, Long> weights = Map.of("a", 1L);
        assertThat(LargestRemainder.split(-7, weights, Comparator.naturalOrder())).containsEntry("a", -7L);
    }

    @Test
    void weightsThatSumToZeroOrAreNegativeAreRefused() {
        assertThatThrownBy(() -> LargestRemainder.split(1, Map.of("a", 0L), Comparator.naturalOrder()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LargestRemainder.split(1, Map.of("a", -1L), Comparator.naturalOrder()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
