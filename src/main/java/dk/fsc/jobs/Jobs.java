package dk.fsc.jobs;

/** Runs a registered job outside its schedule, e.g. when an administrator asks for it. */
public interface Jobs {

    /** What one on-demand run did with the job's due items on this instance. */
    record RunSummary(int itemsDone, int itemsFailed) {
    }

    /**
     * Runs the job now and then handles its due items that no other instance holds, on a
     * thread of the facility (never the caller's, so no request or login goes along), and waits.
     * Does not move the scheduled run.
     *
     * @throws dk.fsc.shared.problem.NotFoundException when no job has this name
     */
    RunSummary runNow(String job);
}
