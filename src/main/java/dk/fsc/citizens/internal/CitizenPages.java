package dk.fsc.citizens.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.fsc.citizens.CitizenView;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.FormErrors;
import dk.fsc.shared.web.FormValues;
import dk.fsc.shared.web.PageQuery;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
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
 * Web pages: search (CPR only ever in the form body), registering a citizen, a citizen's page with the forms to
 * change contact data and address (shown to whoever may change them, saved with htmx), and a
 * citizen's own access log ("Hvem har set mine oplysninger").
 */
@Controller
class CitizenPages {

    /** Where the registration form shows the use case's reasons about the address. */
    private static final Map<String, String> ADDRESS_FIELDS = Map.of("address.street", "street",
            "address.postalCode", "postalCode", "address.city", "city");

    private final FindCitizens findCitizens;
    private final RegisterCitizen registerCitizen;
    private final CurrentUsers currentUsers;
    private final ChangeContact changeContact;
    private final ChangeAddress changeAddress;
    private final AccessLogs accessLogs;
    private final ReferenceData reference;
    private final MessageSource messages;

    CitizenPages(FindCitizens findCitizens, RegisterCitizen registerCitizen, CurrentUsers currentUsers,
            ChangeContact changeContact, ChangeAddress changeAddress, AccessLogs accessLogs, ReferenceData reference,
            MessageSource messages) {
        this.findCitizens = findCitizens;
        this.registerCitizen = registerCitizen;
        this.currentUsers = currentUsers;
        this.changeContact = changeContact;
        this.changeAddress = changeAddress;
        this.accessLogs = accessLogs;
        this.reference = reference;
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

    @GetMapping("/citizens/new")
    @PreAuthorize("hasAnyRole('FSC_ADMIN', 'FSC_AGENT', 'MUNICIPAL_CASEWORKER')")
    String newCitizen(Model model) {
        String municipality = currentUsers.require().municipalityCode();
        return registration(new RegisterCitizen.Command("", "", "", "", "", municipality == null ? "" : municipality,
                "", ""), model);
    }

    /** Registers a citizen; the CPR number travels in the form body only and goes back into the form only if refused. */
    @PostMapping("/citizens/new")
    String register(@RequestParam(defaultValue = "") String cpr, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String street, @RequestParam(defaultValue = "") String postalCode,
            @RequestParam(defaultValue = "") String city, @RequestParam(defaultValue = "") String municipalityCode,
            @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String email,
            Model model, RedirectAttributes redirect) {
        RegisterCitizen.Command command = new RegisterCitizen.Command(cpr, name, street, postalCode, city,
                municipalityCode, phone, email);
        try {
            CitizenView registered = registerCitizen.register(command);
            redirect.addFlashAttribute("saved", "citizens.registered");
            return "redirect:/citizens/" + registered.id();
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", FormErrors.byField(e.errors().stream().map(error -> new FieldError(
                    ADDRESS_FIELDS.getOrDefault(error.field(), error.field()), error.message(), error.arguments()))
                    .toList(), messages));
            return registration(command, model);
        }
    }

    private String registration(RegisterCitizen.Command form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("municipalities", reference.municipalities());
        return "citizens/new";
    }

    @GetMapping("/citizens/{id}")
    String citizen(@PathVariable String id, Model model, HtmxRequest htmx) {
        return page(FormValues.pathId(id), model, htmx);
    }

    @PostMapping("/citizens/{id}/contact")
    String changeContact(@PathVariable String id, @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String email, Model model, HtmxRequest htmx,
            RedirectAttributes redirect) {
        UUID citizenId = FormValues.pathId(id);
        ChangeContact.Command command = new ChangeContact.Command(phone, email);
        try {
            changeContact.change(citizenId, command);
        } catch (InvalidInputException e) {
            model.addAttribute("contact", command);
            model.addAttribute("contactErrors", FormErrors.byField(e.errors(), messages));
            return page(citizenId, model, htmx);
        }
        return saved(citizenId, "citizens.contact.saved", model, htmx, redirect);
    }

    @PostMapping("/citizens/{id}/address")
    String changeAddress(@PathVariable String id, @RequestParam(defaultValue = "") String street,
            @RequestParam(defaultValue = "") String postalCode, @RequestParam(defaultValue = "") String city,
            @RequestParam(defaultValue = "") String municipalityCode, @RequestParam(defaultValue = "") String movedOn,
            Model model, HtmxRequest htmx, RedirectAttributes redirect) {
        UUID citizenId = FormValues.pathId(id);
        CitizenView changed;
        try {
            changed = changeAddress.change(citizenId,
                    new ChangeAddress.Command(street, postalCode, city, municipalityCode, date(movedOn)));
        } catch (InvalidInputException e) {
            model.addAttribute("address", new ChangeAddress.Command(street, postalCode, city, municipalityCode, null));
            model.addAttribute("movedOn", movedOn);
            model.addAttribute("addressErrors", FormErrors.byField(e.errors(), messages));
            return page(citizenId, model, htmx);
        }
        try {
            return saved(citizenId, "citizens.address.saved", model, htmx, redirect);
        } catch (NotFoundException movedAway) {
            redirect.addFlashAttribute("movedAway", changed.municipalityName());
            return htmx.isHtmxRequest() ? "redirect:htmx:/citizens" : "redirect:/citizens";
        }
    }

    @GetMapping("/me/access-log")
    String accessLog(@RequestParam(defaultValue = "false") boolean own, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("own", own);
        model.addAttribute("log", accessLogs.mine(own, new PageQuery(Math.max(page, 0), PageQuery.DEFAULT_SIZE)));
        return "citizens/access-log";
    }

    /** The citizen's own page: their contact data and address; other roles have no such page. */
    @GetMapping("/my/profile")
    String myProfile() {
        UUID citizenId = currentUsers.require().citizenId();
        if (citizenId == null) {
            throw new NotFoundException("No such page.");
        }
        return "redirect:/citizens/" + citizenId;
    }

    /** The citizen's page, or for htmx the part of it below the heading; the forms keep what was typed. */
    private String page(UUID citizenId, Model model, HtmxRequest htmx) {
        FindCitizens.Details details = findCitizens.details(citizenId);
        CitizenView citizen = details.citizen();
        model.addAttribute("citizen", citizen);
        model.addAttribute("addresses", details.addresses());
        model.addAttribute("mayChangeContact", details.mayChangeContact());
        model.addAttribute("mayChangeAddress", details.mayChangeAddress());
        if (!model.containsAttribute("contact")) {
            model.addAttribute("contact", new ChangeContact.Command(citizen.phone(), citizen.email()));
        }
        if (!model.containsAttribute("address")) {
            model.addAttribute("address", new ChangeAddress.Command(citizen.address().street(),
                    citizen.address().postalCode(), citizen.address().city(), citizen.municipalityCode(), null));
        }
        if (details.mayChangeAddress()) {
            model.addAttribute("municipalities", reference.municipalities());
        }
        model.addAttribute("municipalityNames", reference.municipalities().stream()
                .collect(Collectors.toMap(Municipality::code, Municipality::name)));
        return htmx.isHtmxRequest() ? "citizens/citizen :: details" : "citizens/citizen";
    }

    private String saved(UUID citizenId, String message, Model model, HtmxRequest htmx, RedirectAttributes redirect) {
        if (htmx.isHtmxRequest()) {
            model.addAttribute("saved", message);
            return page(citizenId, model, htmx);
        }
        redirect.addFlashAttribute("saved", message);
        return "redirect:/citizens/" + citizenId;
    }

    /** The form's date ({@code yyyy-MM-dd}, as a date field sends it); blank means today. */
    private static @Nullable LocalDate date(String input) {
        if (input.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(input.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("The date is not a date.",
                    List.of(FieldError.of("movedOn", "citizens.error.date")));
        }
    }
}
