package dk.fsc.jobs.internal;

import dk.fsc.jobs.Jobs;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page of background jobs. Flash attributes live in the session, so only plain values. */
@Controller
class JobPages {

    private final JobStatus status;

    JobPages(JobStatus status) {
        this.status = status;
    }

    @GetMapping("/admin/jobs")
    String list(Model model) {
        model.addAttribute("jobs", status.all());
        return "jobs/jobs";
    }

    @PostMapping("/admin/jobs/{name}/run")
    String run(@PathVariable String name, RedirectAttributes redirect) {
        Jobs.RunSummary ran = status.runNow(name);
        redirect.addFlashAttribute("ranJob", name);
        redirect.addFlashAttribute("itemsDone", ran.itemsDone());
        redirect.addFlashAttribute("itemsFailed", ran.itemsFailed());
        return "redirect:/admin/jobs";
    }
}
