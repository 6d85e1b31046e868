package dk.fsc.statistics.internal;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages: the business cases, a new case, and one case's versions side by side with the source and a new version. */
@Controller
class BusinessCasePages {

    private final BusinessCases businessCases;
    private final MessageSource messages;
    private final StomaKeyFigures keyFigures;

    BusinessCasePages(BusinessCases businessCases, MessageSource messages, StomaKeyFigures keyFigures) {
        this.businessCases = businessCases;
        this.messages = messages;
        this.keyFigures = keyFigures;
    }

    /** The cases, and for the region's and FSC's staff the stoma area's key figures (E7) of a year they may choose. */
    @GetMapping("/business-cases")
    String list(@RequestParam(required = false) @Nullable String year, Model model, HttpServletRequest request) {
        model.addAttribute("cases", businessCases.all());
        model.addAttribute("kinds", BusinessCase.Kind.values());
        if (Stream.of("FSC_ADMIN", "REGION_ANALYST", "FINANCE").anyMatch(request::isUserInRole)) {
            model.addAttribute("year", year);
            try {
                model.addAttribute("keyFigures", keyFigures.figures(year));
            } catch (DomainException e) {
                model.addAttribute("yearErrors", FormErrors.byField(e.errors(), messages));
                model.addAttribute("keyFigures", keyFigures.figures(null));
            }
        }
        return "statistics/business-cases";
    }

    @GetMapping("/business-cases/new")
    String newCase(@RequestParam(defaultValue = "STOMA") String kind, Model model) {
        BusinessCase.Kind chosen = kind(kind);
        model.addAttribute("kind", chosen);
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
        }
        return "statistics/business-case-new";
    }

    @PostMapping("/business-cases")
    String create(@RequestParam Map<String, String> form, Principal principal, Model model) {
        BusinessCase.Kind kind = kind(form.getOrDefault("kind", ""));
        try {
            BusinessCase created = businessCases.create(new BusinessCases.NewCase(form.get("name"), kind.name(),
                    form.get("label"), inputs(kind, form)), principal.getName());
            return "redirect:/business-cases/" + created.id();
        } catch (DomainException e) {
            model.addAttribute("values", form);
            model.addAttribute("errors", FormErrors.byField(e.errors(), messages));
            return newCase(kind.name(), model);
        }
    }

    @GetMapping("/business-cases/{id}")
    String businessCase(@PathVariable UUID id, Model model) {
        BusinessCase found = businessCases.find(id);
        model.addAttribute("case", found);
        model.addAttribute("comparison", CaseComparison.of(found, LocaleContextHolder.getLocale()));
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", found.versions().getLast().calculation().inputs());
        }
        return "statistics/business-case";
    }

    @PostMapping("/business-cases/{id}/versions")
    String addVersion(@PathVariable UUID id, @RequestParam Map<String, String> form, Principal principal,
            Model model) {
        BusinessCase found = businessCases.find(id);
        try {
            businessCases.addVersion(id, new BusinessCases.NewVersion(form.get("label"), inputs(found.kind(), form)),
                    principal.getName());
            return "redirect:/business-cases/" + id;
        } catch (DomainException e) {
            model.addAttribute("values", form);
            model.addAttribute("errors", FormErrors.byField(e.errors(), messages));
            return businessCase(id, model);
        }
    }

    private static Map<String, String> inputs(BusinessCase.Kind kind, Map<String, String> form) {
        Map<String, String> inputs = new LinkedHashMap<>();
        kind.inputs().forEach(name -> inputs.put(name, form.getOrDefault(name, "")));
        return inputs;
    }

    private static BusinessCase.Kind kind(String kind) {
        for (BusinessCase.Kind candidate : BusinessCase.Kind.values()) {
            if (candidate.name().equals(kind)) {
                return candidate;
            }
        }
        throw new NotFoundException("No kind of business case " + kind + ".");
    }
}
