package dk.fsc.citizens.internal;

import java.util.UUID;

import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.FormErrors;
import dk.fsc.shared.web.PageQuery;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Web pages: search (CPR only ever in the form body), a citizen's page, and a citizen's
 * own access log ("Hvem har set mine oplysninger").
 */
@Controller
class CitizenPages {

    private final FindCitizens findCitizens;
    private final AccessLogs accessLogs;
    private final MessageSource messages;

    CitizenPages(FindCitizens findCitizens, AccessLogs accessLogs, MessageSource messages) {
        this.findCitizens = findCitizens;
        this.accessLogs = accessLogs;
        this.messages = messages;
    }

    @GetMapping("/citizens")
    String search(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new FindCitizens.Query("", "", ""));
        }
        return "citizens/search";
    }

    @PostMapping("/citizens")
    String search(@RequestParam(defaultValue = "") String cpr, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String phone, Model model) {
        FindCitizens.Query query = new FindCitizens.Query(cpr, name, phone);
        // the CPR is not sent back into the page: a search by CPR shows its masked form only
        model.addAttribute("form", new FindCitizens.Query("", name, phone));
        try {
            model.addAttribute("results", findCitizens.search(query, new PageQuery(0, PageQuery.DEFAULT_SIZE)));
        } catch (DomainException e) {
            model.addAttribute("errors", FormErrors.byField(e.errors(), messages));
            model.addAttribute("formError", e.getMessage());
        }
        return "citizens/search";
    }

    @GetMapping("/citizens/{id}")
    String citizen(@PathVariable String id, Model model) {
        UUID citizenId;
        try {
            citizenId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(FindCitizens.NOT_FOUND);
        }
        FindCitizens.Details details = findCitizens.details(citizenId);
        model.addAttribute("citizen", details.citizen());
        model.addAttribute("addresses", details.addresses());
        return "citizens/citizen";
    }

    @GetMapping("/me/access-log")
    String accessLog(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("log", accessLogs.mine(new PageQuery(Math.max(page, 0), PageQuery.DEFAULT_SIZE)));
        return "citizens/access-log";
    }
}
