package dk.fsc.alarms.internal;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.Citizens;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.web.FormErrors;
import dk.fsc.shared.web.FormValues;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The live alarm list of home care and FSC's agents: the page loads its list and fetches it
 * again whenever the server-sent stream says an alarm changed (htmx's SSE extension, no inline
 * script); acknowledge, escalate and close are forms that work without JavaScript too.
 */
@Controller
@PreAuthorize("hasAnyRole('MUNICIPAL_HOMECARE', 'FSC_AGENT')")
class AlarmPages {

    /** A row of the list: the alarm and its citizen's name, if the reader may see the citizen. */
    record Row(AlarmView alarm, String citizenName) {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
                .withZone(TimeConfiguration.DANISH_TIME);

        public String due() {
            return TIME.format(alarm.dueAt());
        }

        public String raised() {
            return TIME.format(alarm.raisedAt());
        }
    }

    private final AlarmHandling handling;
    private final AlarmStream stream;
    private final Citizens citizens;
    private final MessageSource messages;

    AlarmPages(AlarmHandling handling, AlarmStream stream, Citizens citizens, MessageSource messages) {
        this.handling = handling;
        this.stream = stream;
        this.citizens = citizens;
        this.messages = messages;
    }

    @GetMapping("/alarms")
    String page(Model model) {
        list(model);
        return "alarms/alarms";
    }

    @GetMapping("/alarms/list")
    String list(Model model) {
        List<AlarmView> alarms = handling.list();
        Map<UUID, String> names = alarms.stream().map(AlarmView::citizenId).distinct()
                .collect(Collectors.toMap(Function.identity(), id -> citizens.find(id, "alarm.read")
                        .map(CitizenView::name).orElse("—")));
        model.addAttribute("rows", alarms.stream().map(alarm -> new Row(alarm, names.get(alarm.citizenId()))).toList());
        model.addAttribute("outcomes", Outcome.values());
        return "alarms/alarms :: list";
    }

    @GetMapping(path = "/alarms/stream", produces = "text/event-stream")
    SseEmitter stream() {
        handling.municipalities();
        return stream.open();
    }

    @PostMapping("/alarms/{id}/acknowledge")
    String acknowledge(@PathVariable String id, RedirectAttributes redirect) {
        return act(() -> handling.acknowledge(FormValues.pathId(id)), redirect);
    }

    @PostMapping("/alarms/{id}/escalate")
    String escalate(@PathVariable String id, RedirectAttributes redirect) {
        return act(() -> handling.escalate(FormValues.pathId(id)), redirect);
    }

    @PostMapping("/alarms/{id}/close")
    String close(@PathVariable String id, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(() -> handling.close(FormValues.pathId(id), outcome, note), redirect);
    }

    private String act(Runnable action, RedirectAttributes redirect) {
        try {
            action.run();
        } catch (DomainException refused) {
            redirect.addFlashAttribute("errors", FormErrors.byField(refused.errors(), messages));
        }
        return "redirect:/alarms";
    }
}
