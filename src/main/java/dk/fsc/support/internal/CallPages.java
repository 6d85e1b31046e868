package dk.fsc.support.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The service-target dashboard: waiting time and abandoned calls per day, week or month against
 * the targets, as a table that the shared chart script (js/charts.js) also draws as bars with the
 * two targets as dashed lines, the table staying as the accessible version; administrators
 * set the targets and import call records here.
 */
@Controller
@PreAuthorize(ContactDesk.DESK)
class CallPages {

    private final CallTargets targets;
    private final CallRecords records;
    private final MessageSource messages;

    CallPages(CallTargets targets, CallRecords records, MessageSource messages) {
        this.targets = targets;
        this.records = records;
        this.messages = messages;
    }

    @GetMapping("/support/calls")
    String dashboard(@RequestParam(defaultValue = "DAY") String unit, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, Model model) {
        CallTargets.Unit chosen = ContactDesk.choice("unit", unit, CallTargets.Unit.class, new ArrayList<>());
        chosen = chosen == null ? CallTargets.Unit.DAY : chosen;
        LocalDate today = targets.today();
        LocalDate last = date(to, today);
        LocalDate first = date(from, last.minusDays(chosen == CallTargets.Unit.DAY ? 30 : 365));
        if (first.isAfter(last)) {
            first = last;
        }
        List<CallTargets.Figures> figures = targets.figures(chosen, first, last);
        model.addAttribute("unit", chosen);
        model.addAttribute("units", CallTargets.Unit.values());
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("figures", figures);
        model.addAttribute("targets", targets.targets());
        return "support/calls";
    }

    @PostMapping("/support/calls/import")
    @PreAuthorize("hasRole('FSC_ADMIN')")
    String importCalls(@RequestParam(required = false) @Nullable MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        try {
            redirect.addFlashAttribute("imported", records.importCsv(file == null ? new byte[0] : file.getBytes()));
            return "redirect:/support/calls";
        } catch (DomainException refused) {
            model.addAttribute("importErrors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("linesSummary", FormErrors.linesSummary(refused.errors(), messages));
            model.addAttribute("lineErrors", FormErrors.byLine(refused.errors(), messages));
            return dashboard("DAY", "", "", model);
        }
    }

    @PostMapping("/support/calls/targets")
    @PreAuthorize("hasRole('FSC_ADMIN')")
    String changeTargets(@RequestParam Map<String, String> params, Model model) {
        try {
            targets.change(number(params.get("seconds")), number(params.get("answeredPercent")),
                    number(params.get("abandonedPercent")));
            return "redirect:/support/calls?targetsSaved";
        } catch (DomainException refused) {
            model.addAttribute("targetErrors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", params);
            return dashboard("DAY", "", "", model);
        }
    }

    private static @Nullable Integer number(@Nullable String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Integer.valueOf(typed.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static LocalDate date(String typed, LocalDate otherwise) {
        try {
            return typed.isBlank() ? otherwise : LocalDate.parse(typed.strip());
        } catch (DateTimeParseException notADate) {
            return otherwise;
        }
    }
}
