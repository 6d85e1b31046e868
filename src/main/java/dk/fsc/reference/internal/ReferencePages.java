package dk.fsc.reference.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dk.fsc.reference.Municipality;
import dk.fsc.reference.Region;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.FormErrors;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
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

/** Web pages: municipalities by cluster, population years and their import. */
@Controller
class ReferencePages {

    private final ReferenceDataService referenceData;
    private final ImportPopulations importPopulations;
    private final AddMunicipality addMunicipality;
    private final MessageSource messages;

    ReferencePages(ReferenceDataService referenceData, ImportPopulations importPopulations,
            AddMunicipality addMunicipality, MessageSource messages) {
        this.referenceData = referenceData;
        this.importPopulations = importPopulations;
        this.addMunicipality = addMunicipality;
        this.messages = messages;
    }

    /** Municipalities of one cluster (or of none) with their summed population. */
    record ClusterGroup(@Nullable String name, Region region, List<Municipality> municipalities, long population) {
    }

    @GetMapping("/municipalities")
    String municipalities(Model model) {
        model.addAttribute("groups", groups());
        model.addAttribute("regions", referenceData.regions());
        model.addAttribute("years", referenceData.populationYears());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AddMunicipality.Command("", "", "1082", ""));
        }
        return "reference/municipalities";
    }

    @PostMapping("/municipalities")
    String addMunicipality(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String regionCode, @RequestParam(defaultValue = "") String cluster,
            Model model, RedirectAttributes redirect) {
        AddMunicipality.Command form = new AddMunicipality.Command(code, name, regionCode, cluster);
        try {
            Municipality added = addMunicipality.add(form);
            redirect.addFlashAttribute("added", added.name());
            return "redirect:/municipalities";
        } catch (DomainException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", FormErrors.byField(e.errors(), messages));
            model.addAttribute("formError", true);
            return municipalities(model);
        }
    }

    @GetMapping("/populations")
    String populations(Model model, HtmxRequest htmx) {
        model.addAttribute("years", referenceData.listedYears());
        return htmx.isHtmxRequest() ? "reference/populations :: import-form" : "reference/populations";
    }

    @PostMapping("/populations")
    String importPopulations(@RequestParam(defaultValue = "") String year,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String text, Principal principal, Model model, HtmxRequest htmx,
            RedirectAttributes redirect) {
        try {
            byte[] body = file != null && !file.isEmpty() ? file.getBytes() : text.getBytes(StandardCharsets.UTF_8);
            ImportPopulations.Result result = importPopulations.load(year, body, principal.getName());
            redirect.addFlashAttribute("imported", result);
            if (htmx.isHtmxRequest()) {
                model.addAttribute("imported", result);
                model.addAttribute("year", year);
                return "reference/populations :: import-form";
            }
            return "redirect:/populations/" + result.year();
        } catch (DomainException e) {
            model.addAttribute("year", year);
            model.addAttribute("text", text);
            model.addAttribute("formError", true);
            model.addAttribute("errors", FormErrors.byField(e.errors(), messages));
            model.addAttribute("linesSummary", FormErrors.linesSummary(e.errors(), messages));
            model.addAttribute("lineErrors", FormErrors.byLine(e.errors(), messages));
            if (htmx.isHtmxRequest()) {
                return "reference/populations :: import-form";
            }
            return populations(model, htmx);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/populations/{year}")
    String populationYear(@PathVariable String year, Model model) {
        int parsed;
        try {
            parsed = ImportPopulations.parseYear(year);
        } catch (DomainException e) {
            throw new NotFoundException("No population figures for " + year + ".");
        }
        model.addAttribute("population", referenceData.populationYear(parsed)
                .orElseThrow(() -> new NotFoundException("No population figures for " + parsed + ".")));
        return "reference/population-year";
    }

    private List<ClusterGroup> groups() {
        Map<String, Region> regions = new LinkedHashMap<>();
        referenceData.regions().forEach(region -> regions.put(region.code(), region));
        Map<List<String>, List<Municipality>> grouped = new LinkedHashMap<>();
        for (Municipality municipality : referenceData.municipalities()) {
            grouped.computeIfAbsent(java.util.Arrays.asList(municipality.regionCode(), municipality.cluster()),
                    key -> new ArrayList<>()).add(municipality);
        }
        List<ClusterGroup> groups = new ArrayList<>();
        grouped.forEach((key, members) -> groups.add(new ClusterGroup(key.get(1),
                Objects.requireNonNull(regions.get(key.get(0))), members,
                members.stream().mapToLong(m -> m.population() == null ? 0 : m.population()).sum())));
        return groups;
    }

}
