package dk.fsc.jobs.internal;

import java.util.List;

import dk.fsc.jobs.Jobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Scheduled and queued work: the run log and failures (FSC_ADMIN)")
class JobController {

    private final JobStatus status;

    JobController(JobStatus status) {
        this.status = status;
    }

    @GetMapping
    @Operation(summary = "Every job: last and next run, last failure, waiting and failed items (FSC_ADMIN)")
    List<JobStatus.JobView> all() {
        return status.all();
    }

    @PostMapping("/{name}/run")
    @Operation(summary = "Run a job now and handle its due items on this instance (FSC_ADMIN)")
    Jobs.RunSummary run(@PathVariable String name) {
        return status.runNow(name);
    }
}
