package dk.fsc.identity.internal;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.fsc.identity.CitizenChoice;
import dk.fsc.identity.CitizenRegister;
import dk.fsc.identity.Role;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.ReferenceData;
import dk.fsc.reference.Region;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.web.FormErrors;
import dk.fsc.shared.web.FormValues;
import dk.fsc.shared.web.PageQuery;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' pages for user accounts: the list with its search (the list alone for
 * htmx) and the form for a new user, and one user's page to change roles, unlock, disable.
 * The citizen a login is bound to is chosen by name or CPR number from the register (the
 * number travels in the form body only and is never sent back into the page), not typed as an id.
 */
@Controller
class UserPages {

    private static final int PAGE_SIZE = 25;

    private static final Pattern DIGITS = Pattern.compile(".*[0-9].*");

    private final UserAdministration administration;
    private final ReferenceData reference;
    private final CitizenRegister citizens;
    private final MessageSource messages;

    UserPages(UserAdministration administration, ReferenceData reference, CitizenRegister citizens,
            MessageSource messages) {
        this.administration = administration;
        this.reference = reference;
        this.citizens = citizens;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model,
            HtmxRequest htmx) {
        if (htmx.isHtmxRequest()) {
            users(q, page, model);
            return "identity/users :: user-list";
        }
        return listPage(q, page, new UserAdministration.NewUser("", "", "", List.of(), "", "", ""), model);
    }

    @PostMapping("/admin/users")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password, @RequestParam(required = false) @Nullable List<String> roles,
            @RequestParam(defaultValue = "") String municipalityCode, @RequestParam(defaultValue = "") String regionCode,
            @RequestParam(defaultValue = "") String citizenId, @RequestParam(defaultValue = "") String citizenQuery,
            Model model, RedirectAttributes redirect) {
        List<String> roleNames = roles == null ? List.of() : roles;
        if (searchesCitizen(citizenQuery, citizenId)) {
            findCitizens(citizenQuery, model);
            return listPage("", 0, new UserAdministration.NewUser(username, displayName, "", roleNames,
                    municipalityCode, regionCode, citizenId), model);
        }
        try {
            UserAdministration.UserAccount created = administration.create(new UserAdministration.NewUser(username,
                    displayName, password, roleNames, municipalityCode, regionCode, citizenId));
            redirect.addFlashAttribute("created", created.username());
            return "redirect:/admin/users/" + created.username();
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", FormErrors.byField(e.errors(), messages));
            return listPage("", 0, new UserAdministration.NewUser(username, displayName, "", roleNames,
                    municipalityCode, regionCode, citizenId), model);
        }
    }

    @GetMapping("/admin/users/{username}")
    String user(@PathVariable String username, Model model) {
        UserAdministration.UserAccount user = administration.get(username);
        model.addAttribute("user", user);
        if (!model.containsAttribute("binding")) {
            model.addAttribute("binding", new UserAdministration.NewBinding(
                    user.roles().stream().map(Enum::name).toList(), user.municipalityCode(), user.regionCode(),
                    user.citizenId() == null ? "" : user.citizenId().toString()));
        }
        return choices(model, "identity/user");
    }

    @PostMapping("/admin/users/{username}/roles")
    String bind(@PathVariable String username, @RequestParam(required = false) @Nullable List<String> roles,
            @RequestParam(defaultValue = "") String municipalityCode, @RequestParam(defaultValue = "") String regionCode,
            @RequestParam(defaultValue = "") String citizenId, @RequestParam(defaultValue = "") String citizenQuery,
            Model model, RedirectAttributes redirect) {
        UserAdministration.NewBinding binding = new UserAdministration.NewBinding(roles == null ? List.of() : roles,
                municipalityCode, regionCode, citizenId);
        if (searchesCitizen(citizenQuery, citizenId)) {
            findCitizens(citizenQuery, model);
            model.addAttribute("binding", binding);
            return user(username, model);
        }
        try {
            administration.bind(username, binding);
            return done(username, "users.bindingSaved", redirect);
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("binding", binding);
            model.addAttribute("errors", FormErrors.byField(e.errors(), messages));
            return user(username, model);
        }
    }

    /** The citizens matching a name or CPR number, to choose from: the choices alone, for htmx. */
    @PostMapping("/admin/users/citizens")
    String citizenChoices(@RequestParam(defaultValue = "") String citizenQuery,
            @RequestParam(defaultValue = "") String citizenId, Model model) {
        findCitizens(citizenQuery, model);
        model.addAttribute("chosen", chosen(citizenId));
        model.addAttribute("chosenId", citizenId.strip());
        return "identity/users :: citizen-choices";
    }

    @PostMapping("/admin/users/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        administration.unlock(username);
        return done(username, "users.unlocked", redirect);
    }

    @PostMapping("/admin/users/{username}/disable")
    String disable(@PathVariable String username, Model model, RedirectAttributes redirect) {
        try {
            administration.disable(username);
            return done(username, "users.disabledNow", redirect);
        } catch (ConflictException e) {
            model.addAttribute("errors", FormErrors.byField(e.errors(), messages));
            return user(username, model);
        }
    }

    @PostMapping("/admin/users/{username}/enable")
    String enable(@PathVariable String username, RedirectAttributes redirect) {
        administration.enable(username);
        return done(username, "users.enabledNow", redirect);
    }

    /** The list page with the new-user form holding {@code form} (never a password). */
    private String listPage(String q, int page, UserAdministration.NewUser form, Model model) {
        users(q, page, model);
        model.addAttribute("form", form);
        model.addAttribute("binding", form.binding());
        return choices(model, "identity/users");
    }

    private void users(String q, int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("users", administration.search(q, new PageQuery(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("municipalityNames", reference.municipalities().stream()
                .collect(Collectors.toMap(Municipality::code, Municipality::name)));
        model.addAttribute("regionNames", reference.regions().stream()
                .collect(Collectors.toMap(Region::code, Region::name)));
    }

    /** Back to the user's page, with {@code message} (a bundle key) said once. */
    private static String done(String username, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", message);
        return "redirect:/admin/users/" + username;
    }

    private String choices(Model model, String view) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("municipalities", reference.municipalities());
        model.addAttribute("regions", reference.regions());
        if (model.getAttribute("binding") instanceof UserAdministration.NewBinding binding) {
            String citizenId = binding.citizenId() == null ? "" : binding.citizenId().strip();
            model.addAttribute("chosen", chosen(citizenId));
            model.addAttribute("chosenId", citizenId);
        }
        return view;
    }

    /** The citizen already chosen, shown by name and municipality; an id that is no citizen's stays as it is. */
    private @Nullable CitizenChoice chosen(String citizenId) {
        UUID id = FormValues.uuidOrNull(citizenId);
        return id == null ? null : citizens.choice(id).orElse(null);
    }

    /**
     * Whether a form sent without JavaScript asks for citizens rather than to be saved: a name or
     * CPR number typed and no citizen chosen yet. (With JavaScript, "Find borger" asks at once.)
     */
    private static boolean searchesCitizen(String citizenQuery, String citizenId) {
        return !citizenQuery.isBlank() && citizenId.isBlank();
    }

    /** The citizens found; a name searched for goes back into its field, a CPR number does not. */
    private void findCitizens(String query, Model model) {
        model.addAttribute("citizenQuery", DIGITS.matcher(query).matches() ? "" : query);
        try {
            model.addAttribute("citizenChoices", citizens.choices(query));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.byField(e.errors().stream()
                    .map(error -> new FieldError("citizenQuery", error.message(), error.arguments())).toList(),
                    messages));
        }
    }
}
