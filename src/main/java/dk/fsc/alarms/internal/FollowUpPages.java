package dk.fsc.alarms.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.FormErrors;
import dk.fsc.shared.web.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Home care's and caseworkers' follow-up page for their municipality, and a citizen's adherence
 * per week with the dose times of the citizen's dispensers.
 */
@Controller
class FollowUpPages {

    private final FollowUp followUp;
    private final DoseSchedules schedules;
    private final CurrentUsers users;
    private final MessageSource messages;

    FollowUpPages(FollowUp followUp, DoseSchedules schedules, CurrentUsers users, MessageSource messages) {
        this.followUp = followUp;
        this.schedules = schedules;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/alarms/follow-up")
    @PreAuthorize("hasAnyRole('MUNICIPAL_HOMECARE', 'MUNICIPAL_CASEWORKER')")
    String followUp(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            Model model) {
        String municipality = users.require().municipalityCode();
        model.addAttribute("summary", followUp.summary(municipality == null ? "" : municipality, day(from), day(to)));
        return "alarms/follow-up";
    }

    /** A device's dose schedule as the form shows it: the times as typed text. */
    record ScheduleForm(String serial, String doseTimes, String graceMinutes, boolean mayChange) {
    }

    /**
     * A citizen's adherence per week, for those who may see the citizen (the citizen too, their
     * own); with a form per installed device for its dose times, for those who may change them.
     */
    @GetMapping("/alarms/adherence/{citizenId}")
    @PreAuthorize("hasAnyRole('FSC_ADMIN', 'FSC_AGENT', 'MUNICIPAL_CASEWORKER', 'MUNICIPAL_HOMECARE', 'CITIZEN')")
    String adherence(@PathVariable String citizenId, Model model) {
        UUID id = FormValues.pathId(citizenId);
        model.addAttribute("citizenId", id);
        model.addAttribute("weeks", followUp.adherence(id));
        boolean staff = !users.require().has(Role.CITIZEN);
        model.addAttribute("schedules", staff ? schedules.ofCitizen(id).stream()
                .map(schedule -> new ScheduleForm(schedule.serial(),
                        String.join(", ", schedule.doseTimes().stream().map(Object::toString).toList()),
                        Integer.toString(schedule.graceMinutes()), schedules.mayChange(schedule.serial())))
                .map(form -> form.serial().equals(model.getAttribute("typedSerial"))
                        ? (ScheduleForm) model.getAttribute("typed") : form)
                .toList() : List.of());
        return "alarms/adherence";
    }

    @PostMapping("/alarms/devices/{serial}/dose-schedule")
    @PreAuthorize("hasAnyRole('FSC_ADMIN', 'MUNICIPAL_CASEWORKER', 'MUNICIPAL_HOMECARE')")
    String schedule(@PathVariable String serial, @RequestParam(defaultValue = "") String doseTimes,
            @RequestParam(defaultValue = "") String graceMinutes, Model model, RedirectAttributes redirect) {
        UUID citizenId = schedules.device(serial).filter(device -> schedules.mayChange(serial))
                .orElseThrow(() -> new NotFoundException("No installed device " + serial)).citizenId();
        try {
            List<String> times = Arrays.stream(doseTimes.split("[,; ]+")).filter(time -> !time.isBlank())
                    .map(time -> time.length() == 4 ? "0" + time : time).toList();
            schedules.set(serial, times, graceMinutes.isBlank() ? null : grace(graceMinutes));
        } catch (InvalidInputException refused) {
            model.addAttribute("typedSerial", serial);
            model.addAttribute("typed", new ScheduleForm(serial, doseTimes, graceMinutes, true));
            model.addAttribute("scheduleErrors", FormErrors.byField(refused.errors(), messages));
            return adherence(citizenId.toString(), model);
        }
        redirect.addFlashAttribute("saved", serial);
        return "redirect:/alarms/adherence/" + citizenId;
    }

    /** The grace period typed, or a value the schedule refuses with the grace's own reason. */
    private static int grace(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static @Nullable LocalDate day(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
