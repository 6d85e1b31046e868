package dk.fsc.support;

import java.time.LocalDate;

/**
 * What other modules may ask of the service center's telephone service: counts of calls against
 * the service targets, never who called or who answered.
 */
public interface CallService {

    /**
     * The calls that started on the days {@code from} to {@code to} (Danish days, both included),
     * in every queue, beside the service targets as they are set now.
     */
    Figures figures(LocalDate from, LocalDate to);

    /**
     * @param targetSeconds          a call counts as answered in time within this many seconds
     * @param answeredTargetPermille the share of the calls to answer in time, in per mille
     * @param abandonedMaxPermille   the share of the calls that may be abandoned, in per mille
     * @param waitSeconds            the answered calls' waits added up, in whole seconds
     */
    record Figures(int targetSeconds, int answeredTargetPermille, int abandonedMaxPermille, long calls, long answered,
            long answeredInTime, long abandoned, long waitSeconds) {
    }
}
