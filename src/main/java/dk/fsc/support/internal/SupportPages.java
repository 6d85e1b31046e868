package dk.fsc.support.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dk.fsc.citizens.Citizens;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.identity.UserNames;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.FormErrors;
import dk.fsc.shared.web.FormValues;
import dk.fsc.shared.web.PageQuery;
import dk.fsc.support.ContactTopic;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of the one point of contact: the agent's desk (web-form queue, tasks, complaints,
 * search), the whole-citizen view, the contact form with its timer, the task and referral pages,
 * the nurse's referral list and the citizen's own contact page. Citizens are named by their
 * platform id in paths, never by CPR number; a CPR number travels only in a posted form.
 */
@Controller
class SupportPages {

    private final ContactDesk desk;
    private final FollowUpTasks tasks;
    private final Referrals referrals;
    private final CitizenMessages messagesOfCitizens;
    private final WholeCitizenView wholeView;
    private final Citizens citizens;
    private final ReferenceData reference;
    private final UserNames userNames;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    SupportPages(ContactDesk desk, FollowUpTasks tasks, Referrals referrals, CitizenMessages messagesOfCitizens,
            WholeCitizenView wholeView, Citizens citizens, ReferenceData reference, UserNames userNames,
            CurrentUsers currentUsers, MessageSource messages) {
        this.desk = desk;
        this.tasks = tasks;
        this.referrals = referrals;
        this.messagesOfCitizens = messagesOfCitizens;
        this.wholeView = wholeView;
        this.citizens = citizens;
        this.reference = reference;
        this.userNames = userNames;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping("/support")
    @PreAuthorize(ContactDesk.DESK)
    String deskPage(@RequestParam(defaultValue = "CALL_CENTER") String team, Model model) {
        FollowUpTasks.Team chosen = ContactDesk.choice("team", team, FollowUpTasks.Team.class, new ArrayList<>());
        chosen = chosen == null ? FollowUpTasks.Team.CALL_CENTER : chosen;
        model.addAttribute("webForms", desk.openWebForms());
        model.addAttribute("complaints", desk.openComplaints());
        model.addAttribute("myTasks", tasks.mine());
        model.addAttribute("team", chosen);
        model.addAttribute("teams", FollowUpTasks.Team.values());
        model.addAttribute("teamTasks", tasks.ofTeam(chosen));
        model.addAttribute("today", desk.today());
        return "support/desk";
    }

    @PostMapping("/support/search")
    @PreAuthorize(ContactDesk.DESK)
    String search(@RequestParam Map<String, String> params, Model model) {
        model.addAttribute("typed", params);
        try {
            model.addAttribute("found", citizens.search(blankToNull(params.get("cpr")), blankToNull(params.get("name")),
                    blankToNull(params.get("phone")), new PageQuery(0, 20)).items());
        } catch (DomainException refused) {
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
        }
        return deskPage("CALL_CENTER", model);
    }

    @GetMapping("/support/citizens/{citizenId}")
    String citizen(@PathVariable String citizenId, Model model) {
        WholeCitizenView.View view = wholeView.of(FormValues.pathId(citizenId));
        model.addAttribute("view", view);
        if (!view.readOnly()) {
            model.addAttribute("agents", userNames.withRole(Role.FSC_AGENT));
            model.addAttribute("teams", FollowUpTasks.Team.values());
            model.addAttribute("priorities", FollowUpTasks.Priority.values());
            model.addAttribute("today", desk.today());
        }
        return "support/citizen";
    }

    @GetMapping("/support/contacts/new")
    @PreAuthorize(ContactDesk.DESK)
    String newContact(@RequestParam(required = false) @Nullable String citizen,
            @RequestParam(defaultValue = "ORDERING") String topic, Model model) {
        model.addAttribute("topic", topic);
        UUID citizenId = FormValues.uuidOrNull(citizen);
        if (citizenId != null) {
            model.addAttribute("citizen",
                    citizens.find(citizenId, "citizen.read").orElseThrow(() -> new NotFoundException("No such citizen.")));
        }
        return contactForm(model);
    }

    @PostMapping("/support/contacts")
    @PreAuthorize(ContactDesk.DESK)
    String register(@RequestParam Map<String, String> params, Model model) {
        UUID citizenId = FormValues.uuidOrNull(params.get("citizenId"));
        try {
            ContactRepository.Contact contact = desk.register(command(citizenId, params));
            return "redirect:/support/contacts/" + contact.id() + "?saved";
        } catch (DomainException refused) {
            if (citizenId != null) {
                citizens.find(citizenId, "citizen.read").ifPresent(found -> model.addAttribute("citizen", found));
            }
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", params);
            return contactForm(model);
        }
    }

    @GetMapping("/support/contacts/{contactId}")
    String contact(@PathVariable String contactId, Model model) {
        ContactRepository.Contact contact = desk.find(FormValues.pathId(contactId));
        model.addAttribute("contact", contact);
        boolean mayChange = SupportAccess.isDesk(currentUsers.require());
        model.addAttribute("mayChange", mayChange);
        if (mayChange && Referrals.referable(contact)) {
            model.addAttribute("nurses", referrals.nursesFor(String.valueOf(contact.municipalityCode())));
        }
        if (contact.citizenId() != null) {
            model.addAttribute("citizen", citizens.find(contact.citizenId(), "citizen.read").orElse(null));
        }
        return contactForm(model);
    }

    @PostMapping("/support/contacts/{contactId}")
    @PreAuthorize(ContactDesk.DESK)
    String correct(@PathVariable String contactId, @RequestParam Map<String, String> params, Model model) {
        UUID id = FormValues.pathId(contactId);
        return onContact(id, model, params, () -> desk.correct(id, command(null, params)), "saved");
    }

    @PostMapping("/support/contacts/{contactId}/answer")
    @PreAuthorize(ContactDesk.DESK)
    String answer(@PathVariable String contactId, @RequestParam Map<String, String> params, Model model) {
        UUID id = FormValues.pathId(contactId);
        return onContact(id, model, params,
                () -> desk.answer(id, params.get("answer"), minutes(params.get("answerMinutes"))), "answered");
    }

    @PostMapping("/support/contacts/{contactId}/complaint-closed")
    @PreAuthorize(ContactDesk.DESK)
    String closeComplaint(@PathVariable String contactId, Model model) {
        UUID id = FormValues.pathId(contactId);
        return onContact(id, model, Map.of(), () -> {
            desk.closeComplaint(id);
            return desk.find(id);
        }, "complaintClosed");
    }

    @PostMapping("/support/contacts/{contactId}/referrals")
    @PreAuthorize(ContactDesk.DESK)
    String refer(@PathVariable String contactId, @RequestParam Map<String, String> params, Model model) {
        UUID id = FormValues.pathId(contactId);
        return onContact(id, model, params, () -> {
            referrals.refer(id, params.get("nurse"), params.get("question"));
            return desk.find(id);
        }, "referred");
    }

    @PostMapping("/support/tasks")
    @PreAuthorize(ContactDesk.DESK)
    String createTask(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        UUID citizenId = FormValues.uuidOrNull(params.get("citizenId"));
        try {
            FollowUpTasks.Task task = tasks.create(new FollowUpTasks.Command(citizenId,
                    FormValues.uuidOrNull(params.get("contactId")), params.get("title"), params.get("owner"),
                    date(params.get("due")), params.get("priority")));
            return "redirect:/support/tasks/" + task.id();
        } catch (DomainException refused) {
            model.addAttribute("taskErrors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", params);
            if (citizenId == null) {
                return deskPage("CALL_CENTER", model);
            }
            return citizen(citizenId.toString(), model);
        }
    }

    @GetMapping("/support/tasks/{taskId}")
    String task(@PathVariable String taskId, Model model) {
        FollowUpTasks.Task task = tasks.find(FormValues.pathId(taskId));
        model.addAttribute("task", task);
        model.addAttribute("mayChange", SupportAccess.isDesk(currentUsers.require()));
        model.addAttribute("names", userNames.displayNames(Arrays.asList(
                String.valueOf(task.ownerUser()), task.createdBy(), String.valueOf(task.closedBy()))));
        return "support/task";
    }

    @PostMapping("/support/tasks/{taskId}/close")
    @PreAuthorize(ContactDesk.DESK)
    String closeTask(@PathVariable String taskId, @RequestParam(defaultValue = "") String closingNote, Model model) {
        UUID id = FormValues.pathId(taskId);
        try {
            tasks.close(id, closingNote);
            return "redirect:/support/tasks/" + id;
        } catch (DomainException refused) {
            if (refused instanceof NotFoundException) {
                throw refused;
            }
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", Map.of("closingNote", closingNote));
            return task(taskId, model);
        }
    }

    @GetMapping("/support/referrals")
    @PreAuthorize("hasRole('NURSE')")
    String referralList(Model model) {
        model.addAttribute("referrals", referrals.openForNurse());
        return "support/referrals";
    }

    @GetMapping("/support/referrals/{referralId}")
    @PreAuthorize("hasRole('NURSE')")
    String referral(@PathVariable String referralId, Model model) {
        Referrals.Referral referral = referrals.forNurse(FormValues.pathId(referralId));
        model.addAttribute("referral", referral);
        model.addAttribute("citizen", citizens.find(referral.citizenId(), "referral.read").orElse(null));
        return "support/referral";
    }

    @PostMapping("/support/referrals/{referralId}/close")
    @PreAuthorize("hasRole('NURSE')")
    String closeReferral(@PathVariable String referralId, @RequestParam Map<String, String> params, Model model) {
        UUID id = FormValues.pathId(referralId);
        try {
            referrals.close(id, minutes(params.get("minutes")), params.get("note"));
            return "redirect:/support/referrals?closed";
        } catch (DomainException refused) {
            if (refused instanceof NotFoundException) {
                throw refused;
            }
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", params);
            return referral(referralId, model);
        }
    }

    @GetMapping("/my/contacts")
    @PreAuthorize("hasRole('CITIZEN')")
    String myContacts(Model model) {
        model.addAttribute("contacts", messagesOfCitizens.mine());
        model.addAttribute("topics", ContactTopic.values());
        return "support/my-contacts";
    }

    @PostMapping("/my/contacts")
    @PreAuthorize("hasRole('CITIZEN')")
    String write(@RequestParam(defaultValue = "") String topic, @RequestParam(defaultValue = "") String message,
            @RequestParam(required = false) @Nullable MultipartFile attachment, Model model) throws IOException {
        try {
            CitizenMessages.Upload upload = attachment == null || attachment.isEmpty() ? null
                    : new CitizenMessages.Upload(String.valueOf(attachment.getOriginalFilename()),
                            attachment.getContentType(), attachment.getBytes());
            messagesOfCitizens.write(topic, message, upload);
            return "redirect:/my/contacts?sent";
        } catch (DomainException refused) {
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", Map.of("topic", topic, "message", message));
            return myContacts(model);
        }
    }

    private String onContact(UUID id, Model model, Map<String, String> params,
            Supplier<ContactRepository.Contact> step, String notice) {
        try {
            step.get();
            return "redirect:/support/contacts/" + id + "?" + notice;
        } catch (DomainException refused) {
            if (refused instanceof NotFoundException) {
                throw refused;
            }
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", params);
            return contact(id.toString(), model);
        }
    }

    private String contactForm(Model model) {
        model.addAttribute("channels", ContactRepository.Channel.values());
        model.addAttribute("topics", ContactTopic.values());
        model.addAttribute("municipalities", reference.municipalities());
        return "support/contact";
    }

    private static ContactDesk.Command command(@Nullable UUID citizenId, Map<String, String> params) {
        return new ContactDesk.Command(citizenId, params.get("channel"), params.get("topic"), params.get("notes"),
                minutes(params.get("minutes")), params.get("outcome"), params.get("billing"),
                params.get("billedMunicipality"));
    }

    /** Minutes typed: blank is none; anything but a whole number is -1, which the use case refuses with its reason. */
    private static @Nullable Integer minutes(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static @Nullable LocalDate date(@Nullable String typed) {
        try {
            return typed == null || typed.isBlank() ? null : LocalDate.parse(typed.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

}
