package dk.fsc.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dk.fsc.shared.TimeConfiguration;

/**
 * The clock the application under test runs on, in every Spring test context: it starts at
 * {@link #START}, never at the machine's date, and runs on from wherever a test sets it, so rows
 * written one after another still have increasing times. Each test method starts again at
 * {@link #START} ({@link TestClockReset}).
 */
public final class TestClock extends Clock {

    /** A Wednesday in November 2026, 10:00 in Copenhagen: every test's "now" unless it sets another. */
    public static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    private volatile Instant setTo = START;
    private volatile long setAtNanos = System.nanoTime();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return TestClock.this.withZone(other);
            }

            @Override
            public Instant instant() {
                return TestClock.this.instant();
            }
        };
    }

    @Override
    public synchronized Instant instant() {
        return setTo.plusNanos(System.nanoTime() - setAtNanos);
    }

    /** From now on the time is {@code instant}, running on from there. */
    public synchronized TestClock set(Instant instant) {
        setTo = instant;
        setAtNanos = System.nanoTime();
        return this;
    }

    /** From now on the time is this wall-clock time in Copenhagen. */
    public TestClock setDanish(LocalDateTime danishTime) {
        return set(danishTime.atZone(TimeConfiguration.DANISH_TIME).toInstant());
    }

    /** Today in Copenhagen. */
    public LocalDate today() {
        return LocalDate.now(withZone(TimeConfiguration.DANISH_TIME));
    }

    public TestClock advance(Duration duration) {
        return set(instant().plus(duration));
    }

    public TestClock reset() {
        return set(START);
    }
}
