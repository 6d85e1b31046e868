package dk.fsc.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theWaitDoublesAfterEachFailedAttempt() {
        Backoff backoff = new Backoff(5, Duration.ofMinutes(1), Duration.ofHours(1));

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void theWaitNeverExceedsTheMaximum() {
        Backoff backoff = new Backoff(100, Duration.ofMinutes(1), Duration.ofHours(1));

        assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delayAfter(64)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theAttemptNumberedMaxAttemptsIsTheLast() {
        Backoff backoff = new Backoff(3, Duration.ofSeconds(10), Duration.ofMinutes(5));

        assertThat(backoff.isLast(2)).isFalse();
        assertThat(backoff.isLast(3)).isTrue();
    }

    @Test
    void theDefaultTriesEightTimesOverAboutTwoHours() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < Backoff.DEFAULT.maxAttempts(); attempt++) {
            total = total.plus(Backoff.DEFAULT.delayAfter(attempt));
        }

        assertThat(Backoff.DEFAULT.maxAttempts()).isEqualTo(8);
        assertThat(total).isEqualTo(Duration.ofMinutes(127));
    }

    @Test
    void refusesABackoffWithoutAttemptsOrWait() {
        assertThatThrownBy(() -> new Backoff(0, Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(3, Duration.ZERO, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(3, Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.DEFAULT.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
