package dk.fsc.grants.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.grants.internal.AreaSpans.LineInForce;
import dk.fsc.grants.internal.AreaSpans.Span;
import org.junit.jupiter.api.Test;

/** How a citizen's grant lines become the days she counts in a product area, and for whom. */
class AreaSpansTest {

    static final UUID CITIZEN = UUID.randomUUID();
    static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    static final LocalDate MAR = LocalDate.of(2026, 3, 1);
    static final LocalDate JUN = LocalDate.of(2026, 6, 1);

    static LineInForce line(String area, LocalDate from, LocalDate validTo, LocalDate endsOn) {
        return new LineInForce(CITIZEN, "751", from, validTo, endsOn, null, null, null, area, null);
    }

    static LineInForce moved(String area, LocalDate from, LocalDate transitionFrom, LocalDate endsOn) {
        return new LineInForce(CITIZEN, "751", from, null, endsOn, transitionFrom, "730", null, area, null);
    }

    static List<Span> spans(LineInForce... lines) {
        return AreaSpans.spans(List.of(lines), line -> Optional.ofNullable(line.groupCode())
                .filter(group -> !group.equals("UNKNOWN")).map(group -> group.split("_")[0]));
    }

    static Span span(String area, String paidBy, LocalDate from, LocalDate until) {
        return new Span(CITIZEN, area, paidBy, from, until);
    }

    @Test
    void groupsOfOneAreaInOverlappingGrantsCountOnceFromTheFirstGrantOn() {
        assertThat(spans(line("STOMA_BAG", MAR, null, null), line("STOMA_BASEPLATE", JAN, null, JUN)))
                .containsExactly(span("STOMA", "751", JAN, null));
    }

    @Test
    void adjacentGrantsMakeOneSpanAndAGapTwo() {
        assertThat(spans(line("STOMA_BAG", JAN, MAR.minusDays(1), null), line("STOMA_BAG", MAR, null, JUN)))
                .containsExactly(span("STOMA", "751", JAN, JUN));
        assertThat(spans(line("STOMA_BAG", JAN, MAR.minusDays(2), null), line("STOMA_BAG", MAR, null, JUN)))
                .containsExactly(span("STOMA", "751", JAN, MAR.minusDays(1)), span("STOMA", "751", MAR, JUN));
    }

    @Test
    void aGrantEndsOnItsEndDayOrTheDayAfterItsValidToWhicheverComesFirst() {
        assertThat(spans(line("STOMA_BAG", JAN, JUN, MAR))).containsExactly(span("STOMA", "751", JAN, MAR));
        assertThat(spans(line("STOMA_BAG", JAN, MAR, JUN))).containsExactly(span("STOMA", "751", JAN, MAR.plusDays(1)));
    }

    @Test
    void eachAreaCountsForItselfAndAnUnknownGroupOrAGrantEndedBeforeItStartedNowhere() {
        assertThat(spans(line("STOMA_BAG", JAN, null, null), line("CONTINENCE_PAD", MAR, null, null),
                line("UNKNOWN", JAN, null, null), line("STOMA_BAG", JUN, null, JUN)))
                .containsExactlyInAnyOrder(span("STOMA", "751", JAN, null), span("CONTINENCE", "751", MAR, null));
    }

    @Test
    void aMovedCitizenCountsForTheGrantingMunicipalityUntilTheMoveAndForThePayerOfTheTransitionAfter() {
        assertThat(spans(moved("STOMA_BAG", JAN, MAR, JUN)))
                .containsExactly(span("STOMA", "751", JAN, MAR), span("STOMA", "730", MAR, JUN));
        assertThat(spans(moved("STOMA_BAG", MAR, JAN, JUN))).as("moved before the grant began")
                .containsExactly(span("STOMA", "730", MAR, JUN));
        assertThat(spans(moved("STOMA_BAG", JAN, JUN, MAR))).as("ended before the move")
                .containsExactly(span("STOMA", "751", JAN, MAR));
    }
}
