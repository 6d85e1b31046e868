/**
 * The job facility every module uses for scheduled and queued work: jobs claimed in
 * PostgreSQL ({@code FOR UPDATE SKIP LOCKED}) so several instances never do the same work
 * twice, queued items retried with exponential backoff until they fail for good, a run log
 * for administrators, and the platform's own housekeeping jobs (event publications, the
 * facility's history).
 */
@ApplicationModule(displayName = "Jobs", allowedDependencies = { "shared" })
@NullMarked
package dk.fsc.jobs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
