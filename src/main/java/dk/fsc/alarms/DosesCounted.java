package dk.fsc.alarms;

import java.time.Instant;
import java.time.LocalDate;

import dk.fsc.reference.MunicipalityCode;

/**
 * A municipality's medication doses of one Danish day, counted by the nightly job
 * {@code doses-counted} once the day's grace periods have run out: {@code due} doses (cancelled
 * ones left out), of which {@code taken} were taken in time and {@code missed} were not (a dose
 * still pending when counted is in neither), at {@code countedAt}. Published once per municipality
 * and day; a consumer keeps the figures of a municipality-day counted last.
 */
public record DosesCounted(MunicipalityCode municipality, LocalDate day, long due, long taken, long missed,
        Instant countedAt) {
}
