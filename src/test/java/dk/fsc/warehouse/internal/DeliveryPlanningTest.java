package dk.fsc.warehouse.internal;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import dk.fsc.testing.TestClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The planned delivery day: the first route day on or after the later of the wanted date and
 * the first day the warehouse can ship, with the cut-off judged in Danish time.
 */
class DeliveryPlanningTest {

    static final LocalTime CUTOFF = LocalTime.of(14, 0);
    /** Wednesday 25 November 2026. */
    static final LocalDate WEDNESDAY_25 = LocalDate.of(2026, 11, 25);
    static final List<DayOfWeek> TUESDAY_THURSDAY = List.of(TUESDAY, THURSDAY);
    static final List<DayOfWeek> WEDNESDAY_FRIDAY = List.of(WEDNESDAY, FRIDAY);

    static Instant danish(LocalDateTime time) {
        return new TestClock().setDanish(time).instant();
    }

    static LocalDate planned(Instant now, @Nullable LocalDate wanted, List<DayOfWeek> route) {
        return DeliveryRoutes.firstDayOnOrAfter(route, DeliveryPlanning.earliestDay(now, CUTOFF, wanted));
    }

    @Test
    void beforeTheCutoffAnOrderGoesOnTodaysRouteIfItIsDrivenToday() {
        Instant morning = danish(WEDNESDAY_25.atTime(13, 59));
        assertThat(planned(morning, null, WEDNESDAY_FRIDAY)).isEqualTo(WEDNESDAY_25);
        assertThat(planned(morning, null, TUESDAY_THURSDAY)).as("not driven today: the next route day")
                .isEqualTo(WEDNESDAY_25.plusDays(1));
    }

    @Test
    void fromTheCutoffOnTheFirstPossibleDayIsTomorrow() {
        assertThat(planned(danish(WEDNESDAY_25.atTime(14, 0)), null, WEDNESDAY_FRIDAY)).as("at the cut-off")
                .isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(planned(danish(WEDNESDAY_25.atTime(23, 59)), null, List.of(WEDNESDAY)))
                .as("a route driven only today: next week").isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(planned(danish(WEDNESDAY_25.atTime(16, 0)), null, TUESDAY_THURSDAY))
                .isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void aWantedDateIsKeptOnARouteDayAndMovedToTheNextRouteDayOtherwise() {
        Instant morning = danish(WEDNESDAY_25.atTime(9, 0));
        LocalDate saturday = LocalDate.of(2026, 11, 28);
        assertThat(planned(morning, saturday, TUESDAY_THURSDAY)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(planned(morning, LocalDate.of(2026, 12, 3), TUESDAY_THURSDAY)).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(planned(morning, WEDNESDAY_25.minusDays(3), WEDNESDAY_FRIDAY)).as("a past wanted date: as none")
                .isEqualTo(WEDNESDAY_25);
        assertThat(planned(danish(WEDNESDAY_25.atTime(15, 0)), WEDNESDAY_25, WEDNESDAY_FRIDAY))
                .as("wanted today after the cut-off: the next route day").isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void aPostalCodeWithoutARouteIsDeliveredOnWorkingDays() {
        LocalDate friday = LocalDate.of(2026, 11, 27);
        assertThat(planned(danish(friday.atTime(10, 0)), null, DeliveryRoutes.WORKING_DAYS)).isEqualTo(friday);
        assertThat(planned(danish(friday.atTime(15, 0)), null, DeliveryRoutes.WORKING_DAYS))
                .isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(planned(danish(friday.plusDays(1).atTime(8, 0)), null, DeliveryRoutes.WORKING_DAYS))
                .as("ordered on a Saturday morning").isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void theCutoffAndTheDayAreDanishTimeNotUtc() {
        assertThat(planned(Instant.parse("2026-11-25T23:30:00Z"), null, List.of(THURSDAY)))
                .as("00:30 on Thursday in Copenhagen, still Wednesday in UTC").isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(planned(Instant.parse("2026-11-25T12:59:00Z"), null, List.of(WEDNESDAY)))
                .as("13:59 in winter time").isEqualTo(WEDNESDAY_25);
        assertThat(planned(Instant.parse("2026-07-01T12:30:00Z"), null, List.of(WEDNESDAY, THURSDAY)))
                .as("14:30 in summer time, 12:30 in UTC").isEqualTo(LocalDate.of(2026, 7, 2));
        assertThat(planned(Instant.parse("2026-03-29T12:30:00Z"), null, List.of(SUNDAY, MONDAY)))
                .as("the day summer time starts: 14:30 in Copenhagen").isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(planned(Instant.parse("2026-10-25T12:30:00Z"), null, List.of(SUNDAY, MONDAY)))
                .as("the day summer time ends: 13:30 in Copenhagen").isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(planned(Instant.parse("2026-10-24T22:30:00Z"), null, List.of(SUNDAY, MONDAY)))
                .as("00:30 summer time on the Sunday it ends").isEqualTo(LocalDate.of(2026, 10, 25));
    }

    @Test
    void aRouteWithoutWeekdaysIsRefusedRatherThanSearchedForever() {
        assertThatThrownBy(() -> DeliveryRoutes.firstDayOnOrAfter(List.of(), WEDNESDAY_25))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
