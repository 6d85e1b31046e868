package dk.fsc.jobs;

import java.time.Duration;

/**
 * Exponential backoff: after the n-th failed attempt the next one waits {@code first * 2^(n-1)},
 * at most {@code max}; the attempt number {@code maxAttempts} that fails is the last.
 */
public record Backoff(int maxAttempts, Duration first, Duration max) {

    /** 8 attempts over about two hours: after 1, 2, 4, 8, 16, 32 and 64 minutes. */
    public static final Backoff DEFAULT = new Backoff(8, Duration.ofMinutes(1), Duration.ofHours(6));

    /** 20 attempts over about three days, e.g. for mail and messages to other systems that may be down a weekend. */
    public static final Backoff ABOUT_THREE_DAYS = new Backoff(20, Duration.ofMinutes(1), Duration.ofHours(6));

    public Backoff {
        if (maxAttempts < 1 || first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("A backoff needs at least one attempt and 0 < first <= max");
        }
    }

    /** How long to wait after the attempt number {@code failedAttempts} (from 1) failed. */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("Attempts count from 1");
        }
        int doublings = failedAttempts - 1;
        if (doublings > 30) {
            return max;
        }
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Whether the attempt number {@code attempt} was the last one allowed. */
    public boolean isLast(int attempt) {
        return attempt >= maxAttempts;
    }
}
