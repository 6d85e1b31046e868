package dk.fsc.alarms.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.fsc.identity.CurrentUsers;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's alarm settings: the dispenser vendors whose systems may send events (API
 * key and signing secret, rotated by giving a new one) and each municipality's response plan.
 * A refused form is shown again with what was typed and the reason next to each field.
 */
@Controller
@PreAuthorize("hasRole('FSC_ADMIN')")
class AlarmSettingsPages {

    /** The response plan form as typed: numbers are text until they are read. */
    record PlanForm(@Nullable String municipalityCode, @Nullable String firstResponse, @Nullable String escalationMinutes,
            @Nullable String webhookUrl, @Nullable String webhookSecret, @Nullable String email,
            @Nullable String targetAcknowledgeMinutes, @Nullable String targetCloseMinutes) {
    }

    /** The vendor form as typed. */
    record VendorForm(String code, String apiKeyName) {
    }

    private final Vendors vendors;
    private final ResponsePlans plans;
    private final ReferenceData reference;
    private final CurrentUsers users;
    private final MessageSource messages;

    AlarmSettingsPages(Vendors vendors, ResponsePlans plans, ReferenceData reference, CurrentUsers users,
            MessageSource messages) {
        this.vendors = vendors;
        this.plans = plans;
        this.reference = reference;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/alarms/settings")
    String page(Model model) {
        if (!model.containsAttribute("plan")) {
            model.addAttribute("plan", new PlanForm("", "HOMECARE", "45, 75", null, null, null, "15", "120"));
        }
        if (!model.containsAttribute("vendor")) {
            model.addAttribute("vendor", new VendorForm("", ""));
        }
        model.addAttribute("vendors", vendors.list());
        model.addAttribute("plans", plans.chosen());
        model.addAttribute("municipalities", names());
        model.addAttribute("firstResponses", ResponsePlans.FirstResponse.values());
        return "alarms/settings";
    }

    @PostMapping("/alarms/settings/vendors")
    String vendor(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String apiKeyName,
            @RequestParam(required = false) @Nullable String secret, Model model, RedirectAttributes redirect) {
        try {
            vendors.register(code.strip(), apiKeyName, blank(secret), users.require().username());
        } catch (InvalidInputException refused) {
            model.addAttribute("vendor", new VendorForm(code, apiKeyName));
            model.addAttribute("vendorErrors", FormErrors.byField(refused.errors(), messages));
            return page(model);
        }
        redirect.addFlashAttribute("saved", messages.getMessage("alarms.settings.vendorSaved", new Object[] { code },
                LocaleContextHolder.getLocale()));
        return "redirect:/alarms/settings";
    }

    @PostMapping("/alarms/settings/plans")
    String plan(PlanForm form, Model model, RedirectAttributes redirect) {
        try {
            if (!names().containsKey(form.municipalityCode())) {
                throw new InvalidInputException("No such municipality.",
                        List.of(FieldError.of("municipalityCode", "alarms.error.municipality")));
            }
            plans.set(form.municipalityCode(), read(form), users.require().username());
        } catch (InvalidInputException refused) {
            model.addAttribute("plan", form);
            model.addAttribute("planErrors", FormErrors.byField(refused.errors(), messages));
            return page(model);
        }
        redirect.addFlashAttribute("saved", messages.getMessage("alarms.settings.planSaved",
                new Object[] { form.municipalityCode() }, LocaleContextHolder.getLocale()));
        return "redirect:/alarms/settings";
    }

    /** The plan the form describes; every number that is not one is named with its field. */
    static ResponsePlans.Plan read(PlanForm form) {
        List<FieldError> errors = new ArrayList<>();
        List<Integer> minutes = new ArrayList<>();
        for (String part : java.util.Objects.requireNonNullElse(form.escalationMinutes(), "").split("[,; ]+")) {
            if (!part.isBlank()) {
                Integer number = number(part);
                if (number == null) {
                    errors.add(FieldError.of("escalationMinutes", "alarms.error.escalation"));
                    break;
                }
                minutes.add(number);
            }
        }
        Integer acknowledge = number(form.targetAcknowledgeMinutes());
        Integer close = number(form.targetCloseMinutes());
        if (acknowledge == null || close == null) {
            errors.add(FieldError.of("targetCloseMinutes", "alarms.error.targets"));
        }
        ResponsePlans.FirstResponse first = "FSC_AGENT".equals(form.firstResponse()) ? ResponsePlans.FirstResponse.FSC_AGENT
                : ResponsePlans.FirstResponse.HOMECARE;
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The response plan has invalid fields.", errors);
        }
        return new ResponsePlans.Plan(form.municipalityCode(), first, minutes, blank(form.webhookUrl()),
                blank(form.webhookSecret()), blank(form.email()), acknowledge, close);
    }

    /** The municipalities' names by code. */
    private Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        reference.municipalities().forEach(municipality -> names.put(municipality.code(), municipality.name()));
        return names;
    }

    private static @Nullable Integer number(@Nullable String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable String blank(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
