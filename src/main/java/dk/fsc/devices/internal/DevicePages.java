package dk.fsc.devices.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductView;
import dk.fsc.devices.NeedLevel;
import dk.fsc.grants.LimitPeriod;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.problem.DomainException;
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
import org.springframework.web.util.UriUtils;

/**
 * Pages of the needs assessment (the caseworker's), the rule editor with its test mode (the
 * administrator's), and the devices: search by serial with the history, devices by model and
 * state, registering a device and moving it in its lifecycle (warehouse and administrator).
 */
@Controller
class DevicePages {

    private final Assessments assessments;
    private final RuleBook ruleBook;
    private final Pauses pauses;
    private final DeviceRegister devices;
    private final WorkChains chains;
    private final DispenserGrants dispensers;
    private final Assortment assortment;
    private final ReferenceData reference;
    private final MessageSource messages;

    DevicePages(Assessments assessments, RuleBook ruleBook, Pauses pauses, DeviceRegister devices, WorkChains chains,
            DispenserGrants dispensers, Assortment assortment, ReferenceData reference, MessageSource messages) {
        this.reference = reference;
        this.assessments = assessments;
        this.dispensers = dispensers;
        this.ruleBook = ruleBook;
        this.pauses = pauses;
        this.devices = devices;
        this.chains = chains;
        this.assortment = assortment;
        this.messages = messages;
    }

    @GetMapping("/devices/assessments/{citizenId}")
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    String assessment(@PathVariable String citizenId, Model model) {
        UUID id = FormValues.pathId(citizenId);
        model.addAttribute("citizen", assessments.citizen(id, "citizen.read"));
        model.addAttribute("questions", AssessmentRules.Question.values());
        model.addAttribute("levels", NeedLevel.values());
        model.addAttribute("history", assessments.ofCitizen(id));
        model.addAttribute("pauses", pauses.ofCitizen(id));
        model.addAttribute("ruleVersion", ruleBook.current().version());
        model.addAttribute("models", dispensers.models());
        model.addAttribute("periods", LimitPeriod.values());
        model.addAttribute("today", devices.today());
        return "devices/assessment";
    }

    @PostMapping("/devices/assessments/{citizenId}")
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    String assess(@PathVariable String citizenId, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        UUID id = FormValues.pathId(citizenId);
        model.addAttribute("typed", form);
        try {
            if ("recommend".equals(form.get("action"))) {
                AssessmentRules.Recommendation recommendation = ruleBook.current().rules()
                        .recommend(AssessmentRules.answers(form));
                model.addAttribute("recommendation", recommendation);
            } else if ("grant".equals(form.get("action"))) {
                redirect.addFlashAttribute("granted",
                        assessments.assess(id, form, Assessments.DispenserGrant.of(form)).ruleVersion());
                return "redirect:/devices/assessments/" + id;
            } else {
                model.addAttribute("saved", assessments.assess(id, form));
            }
        } catch (DomainException refused) {
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
        }
        return assessment(citizenId, model);
    }

    @PostMapping("/devices/assessments/{citizenId}/pauses")
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    String pause(@PathVariable String citizenId, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String reason, Model model) {
        UUID id = FormValues.pathId(citizenId);
        try {
            pauses.pause(id, date(from), date(to), reason);
            model.addAttribute("paused", true);
        } catch (DomainException refused) {
            model.addAttribute("pauseErrors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("pauseTyped", Map.of("from", from, "to", to, "reason", reason));
        }
        return assessment(citizenId, model);
    }

    @PostMapping("/devices/assessments/{citizenId}/pauses/{pauseId}/cancellation")
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    String cancelPause(@PathVariable String citizenId, @PathVariable String pauseId, Model model) {
        pauses.cancel(FormValues.pathId(citizenId), FormValues.pathId(pauseId));
        model.addAttribute("pauseCancelled", true);
        return assessment(citizenId, model);
    }

    @GetMapping("/devices/rules")
    @PreAuthorize("hasRole('FSC_ADMIN')")
    String rules(Model model) {
        RuleBook.RuleSet current = ruleBook.current();
        model.addAttribute("current", current);
        model.addAttribute("versions", ruleBook.versions());
        model.addAttribute("questions", AssessmentRules.Question.values());
        model.addAttribute("levels", NeedLevel.values());
        if (!model.containsAttribute("text")) {
            model.addAttribute("text", current.text());
        }
        return "devices/rules";
    }

    @PostMapping("/devices/rules")
    @PreAuthorize("hasRole('FSC_ADMIN')")
    String saveRules(@RequestParam Map<String, String> form, Model model) {
        String text = form.getOrDefault("rules", "");
        model.addAttribute("text", text);
        model.addAttribute("typed", form);
        try {
            if ("test".equals(form.get("action"))) {
                model.addAttribute("tested", ruleBook.test(text, form));
            } else {
                Long basedOn = FormValues.wholeNumber(form.get("basedOn"));
                model.addAttribute("savedVersion", ruleBook.save(text, basedOn == null ? 0 : basedOn.intValue()).version());
            }
        } catch (DomainException refused) {
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
        }
        return rules(model);
    }

    @GetMapping("/devices")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN', 'TECHNICIAN')")
    String devices(@RequestParam(defaultValue = "") String serial, @RequestParam(defaultValue = "") String model,
            @RequestParam(defaultValue = "") String state, Model page) {
        if (!serial.isBlank()) {
            String found = null;
            try {
                found = devices.serialOf("serial", serial, List.of());
            } catch (DomainException refused) {
                page.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            }
            if (found != null && devices.find(found).isPresent()) {
                return "redirect:/devices/" + UriUtils.encodePathSegment(found, java.nio.charset.StandardCharsets.UTF_8);
            }
            if (found != null) {
                page.addAttribute("notFound", found);
            }
        }
        UUID modelId = FormValues.uuidOrNull(model);
        DeviceState chosenState = Arrays.stream(DeviceState.values()).filter(s -> s.name().equals(state)).findFirst()
                .orElse(null);
        page.addAttribute("serial", serial);
        page.addAttribute("modelId", modelId);
        page.addAttribute("state", chosenState);
        page.addAttribute("states", DeviceState.values());
        List<ProductView> models = models();
        page.addAttribute("models", models);
        page.addAttribute("modelNames", models.stream().collect(java.util.stream.Collectors.toMap(m -> m.id().value(),
                ProductView::name)));
        page.addAttribute("devices", devices.search(modelId, chosenState));
        return "devices/devices";
    }

    @PostMapping("/devices")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    String register(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            DeviceRegister.Device device = chains.register(form.get("newSerial"),
                    FormValues.uuidOrNull(form.get("modelId")), form.get("supplier"), date(form.get("purchasedOn")));
            redirect.addFlashAttribute("registered", true);
            return "redirect:/devices/" + UriUtils.encodePathSegment(device.serial(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (DomainException refused) {
            model.addAttribute("registerErrors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", form);
            return devices("", "", "", model);
        }
    }

    @GetMapping("/devices/{serial}")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN', 'TECHNICIAN')")
    String device(@PathVariable String serial, Model model) {
        DeviceRegister.Device device = devices.require(serial);
        model.addAttribute("device", device);
        model.addAttribute("model", assortment.product(new dk.fsc.assortment.ProductId(device.modelId())).orElse(null));
        model.addAttribute("history", devices.history(serial));
        List<DeviceRegister.Lease> leases = devices.leases(serial);
        model.addAttribute("leases", leases);
        model.addAttribute("municipalities", leases.stream().map(DeviceRegister.Lease::municipality).distinct()
                .flatMap(code -> reference.municipality(new MunicipalityCode(code)).stream())
                .collect(java.util.stream.Collectors.toMap(Municipality::code, m -> m.name() + " (" + m.code() + ")")));
        model.addAttribute("next", device.state().next());
        return "devices/device";
    }

    @PostMapping("/devices/{serial}/state")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    String move(@PathVariable String serial, @RequestParam(defaultValue = "") String state,
            @RequestParam(defaultValue = "") String note, Model model) {
        devices.require(serial);
        try {
            chains.moveByHand(serial, state, note);
            model.addAttribute("moved", true);
        } catch (DomainException refused) {
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
        }
        return device(serial, model);
    }

    private List<ProductView> models() {
        return WorkChains.DEVICE_AREAS.stream().sorted()
                .flatMap(area -> assortment.activeInArea(area, devices.today()).stream()).toList();
    }

    static @Nullable LocalDate date(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
