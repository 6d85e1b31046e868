package dk.fsc.alarms.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import dk.fsc.identity.CurrentUsers;
import dk.fsc.shared.web.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Home care's and caseworkers' follow-up page for their municipality, and a citizen's adherence per week. */
@Controller
class FollowUpPages {

    private final FollowUp followUp;
    private final CurrentUsers users;

    FollowUpPages(FollowUp followUp, CurrentUsers users) {
        this.followUp = followUp;
        this.users = users;
    }

    @GetMapping("/alarms/follow-up")
    @PreAuthorize("hasAnyRole('MUNICIPAL_HOMECARE', 'MUNICIPAL_CASEWORKER')")
    String followUp(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            Model model) {
        String municipality = users.require().municipalityCode();
        model.addAttribute("summary", followUp.summary(municipality == null ? "" : municipality, day(from), day(to)));
        return "alarms/follow-up";
    }

    @GetMapping("/alarms/adherence/{citizenId}")
    @PreAuthorize("hasAnyRole('FSC_ADMIN', 'FSC_AGENT', 'MUNICIPAL_CASEWORKER', 'MUNICIPAL_HOMECARE')")
    String adherence(@PathVariable String citizenId, Model model) {
        UUID id = FormValues.pathId(citizenId);
        model.addAttribute("weeks", followUp.adherence(id));
        return "alarms/adherence";
    }

    private static @Nullable LocalDate day(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
