package dk.fsc.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;

import dk.fsc.shared.TimeConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallTimesTest {

    @ParameterizedTest
    @ValueSource(strings = { "2026-11-25T09:00:05+01:00", "2026-11-25T09:00:05Z", "2026-11-25T09:00:05.5Z",
            "2026-11-25T09:00:05.123456789-03:30", "2026-11-25 09:00:05", "2026-11-25T09:00:05",
            "2026-03-29 02:30:00", "2026-10-25 02:30:00", "2026-10-25T02:30:00.25", "2026-11-25T09:00",
            "2026-11-25T09:00:05+01:00:30", "2026-11-25T09:00:05.Z", "+12026-11-25T09:00:05Z", "2024-02-29T23:59:59Z" })
    void readsWhatJavaTimeReads(String text) {
        assertThat(CallTimes.parse(text)).isEqualTo(javaTime(text)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "2026-11-25", "2026-13-25T09:00:05Z", "2026-02-30T09:00:05Z", "2026-11-25T24:00:00Z",
            "2026-11-25 09:00:05Z", "2026-11-25 09:00:05+01:00", "2026-11-25T09:00:05.1234567890Z",
            "2026-11-25T09:00:05+1:00", "2026-11-25T09:00:05+19:00", "2026-11-25T09:00:05X", "2026-1a-25T09:00:05Z",
            "2026/11/25 09:00:05", "25-11-2026 09:00:05", "2026-11-25T09:00:05 ", "٢٠٢٦-11-25T09:00:05Z" })
    void refusesWhatJavaTimeRefuses(String text) {
        assertThat(javaTime(text)).isNull();
        assertThat(CallTimes.parse(text)).isNull();
    }

    @Test
    void agreesWithJavaTimeOnRandomTimesAroundTheYear() {
        Random random = new Random(42);
        String[] offsets = { "Z", "+01:00", "+02:00", "-05:00", "", "" };
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime local = LocalDateTime.of(2026, 1, 1, 0, 0).plusSeconds(random.nextInt(365 * 86_400));
            String offset = offsets[random.nextInt(offsets.length)];
            String text = local + (local.getSecond() == 0 ? ":00" : "") + offset;
            String written = offset.isEmpty() && random.nextBoolean() ? text.replace('T', ' ') : text;
            assertThat(CallTimes.parse(written)).as(written).isEqualTo(javaTime(written));
        }
    }

    private static Instant javaTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).atZone(TimeConfiguration.DANISH_TIME).toInstant();
            } catch (DateTimeParseException notATime) {
                return null;
            }
        }
    }
}
