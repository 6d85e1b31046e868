package dk.fsc.statistics.internal;

import org.jspecify.annotations.Nullable;

/** One figure of an indicator: an area's value in a period, marked incomplete (with why) when data is missing. */
public record IndicatorValue(String area, Period period, long value, boolean incomplete, @Nullable String note) {
}
