package dk.fsc.statistics.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: the indicators, one indicator's table and chart, and the administrator's forms. */
@Controller
class IndicatorPages {

    private final Indicators indicators;
    private final ReferenceData referenceData;
    private final MessageSource messages;

    IndicatorPages(Indicators indicators, ReferenceData referenceData, MessageSource messages) {
        this.indicators = indicators;
        this.referenceData = referenceData;
        this.messages = messages;
    }

    @GetMapping("/indicators")
    String list(Model model) {
        model.addAttribute("indicators", indicators.all());
        model.addAttribute("regions", referenceData.regions());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Indicators.Definition("", "", "QUARTER", "CLUSTER", "1082", "", "", "", ""));
        }
        return "statistics/indicators";
    }

    @PostMapping("/indicators")
    String define(Indicators.Definition form, Principal principal, Model model, RedirectAttributes redirect) {
        try {
            Indicator indicator = indicators.define(form, principal.getName());
            return "redirect:/indicators/" + indicator.id();
        } catch (DomainException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", FormErrors.byField(e.errors(), messages));
            model.addAttribute("formError", true);
            return list(model);
        }
    }

    @GetMapping("/indicators/{id}")
    String indicator(@PathVariable UUID id, Model model) {
        Indicators.Table table = indicators.table(id);
        model.addAttribute("table", table);
        if (!model.containsAttribute("valueForm")) {
            model.addAttribute("valueForm", new Indicators.NewValue("", "", "", false, ""));
        }
        return "statistics/indicator";
    }

    @PostMapping("/indicators/{id}/values")
    String register(@PathVariable UUID id, @RequestParam(defaultValue = "") String area,
            @RequestParam(defaultValue = "") String period, @RequestParam(defaultValue = "") String value,
            @RequestParam(defaultValue = "false") boolean incomplete, @RequestParam(defaultValue = "") String note,
            Principal principal, Model model, RedirectAttributes redirect) {
        Indicators.NewValue form = new Indicators.NewValue(area, period, value, incomplete, note);
        try {
            indicators.register(id, form, principal.getName());
            redirect.addFlashAttribute("registered", true);
            return "redirect:/indicators/" + id;
        } catch (DomainException e) {
            model.addAttribute("valueForm", form);
            model.addAttribute("valueErrors", FormErrors.byField(e.errors(), messages));
            return indicator(id, model);
        }
    }

    @PostMapping("/indicators/{id}/import")
    String importValues(@PathVariable UUID id, @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String text, Principal principal, Model model,
            RedirectAttributes redirect) {
        try {
            byte[] body = file != null && !file.isEmpty() ? file.getBytes() : text.getBytes(StandardCharsets.UTF_8);
            List<IndicatorValue> imported = indicators.importValues(id, body, principal.getName());
            redirect.addFlashAttribute("imported", imported.size());
            return "redirect:/indicators/" + id;
        } catch (DomainException e) {
            model.addAttribute("text", text);
            model.addAttribute("importErrors", FormErrors.byField(e.errors(), messages));
            model.addAttribute("linesSummary", FormErrors.linesSummary(e.errors(), messages));
            model.addAttribute("lineErrors", FormErrors.byLine(e.errors(), messages));
            return indicator(id, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
