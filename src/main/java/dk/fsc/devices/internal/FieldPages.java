package dk.fsc.devices.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.devices.WorkOrderType;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.problem.NotFoundException;
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

/**
 * Pages of field service: the work-order list with filters and target flags (a caseworker sees
 * their municipality's), a work order with its assignment and registration, the day's plan per
 * technician as a list and on a map, the technicians with their absences, and the technician's
 * own day on a phone.
 */
@Controller
class FieldPages {

    private final WorkOrders workOrders;
    private final WorkOrderList list;
    private final FieldWork fieldWork;
    private final DayPlanning planning;
    private final Technicians technicians;
    private final DeviceRegister devices;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    FieldPages(WorkOrders workOrders, WorkOrderList list, FieldWork fieldWork, DayPlanning planning,
            Technicians technicians, DeviceRegister devices, CurrentUsers currentUsers, MessageSource messages) {
        this.workOrders = workOrders;
        this.list = list;
        this.fieldWork = fieldWork;
        this.planning = planning;
        this.technicians = technicians;
        this.devices = devices;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping("/work-orders")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN', 'TECHNICIAN', 'MUNICIPAL_CASEWORKER')")
    String list(@RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String flag, Model model) {
        WorkOrderList.Filter filter = WorkOrderList.Filter.of(type, status, flag);
        model.addAttribute("rows", list.search(filter));
        model.addAttribute("types", WorkOrderType.values());
        model.addAttribute("statuses", WorkOrders.Status.values());
        model.addAttribute("type", filter.type());
        model.addAttribute("status", filter.status());
        model.addAttribute("flag", flag);
        model.addAttribute("caseworker", list.municipalityOfCaseworker() != null);
        return "devices/work-orders";
    }

    @GetMapping("/work-orders/{id}")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    String workOrder(@PathVariable String id, Model model) {
        WorkOrders.WorkOrder work = fieldWork.require(FormValues.pathId(id));
        model.addAttribute("row", list.row(work));
        model.addAttribute("technicians", technicians.all());
        model.addAttribute("outcomes", FieldWork.Outcome.values());
        model.addAttribute("today", devices.today());
        return "devices/work-order";
    }

    @PostMapping("/work-orders/{id}/assignment")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    String assign(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        try {
            fieldWork.assign(FormValues.pathId(id), FormValues.uuidOrNull(form.get("technician")),
                    DevicePages.date(form.get("day")), Technicians.time(form.get("start")));
            model.addAttribute("assigned", true);
        } catch (DomainException refused) {
            if (refused instanceof NotFoundException) {
                throw refused;
            }
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", form);
        }
        return workOrder(id, model);
    }

    @PostMapping("/work-orders/{id}/done")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    String workshopDone(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        try {
            fieldWork.complete(FormValues.pathId(id), done(form));
            model.addAttribute("completed", true);
        } catch (DomainException refused) {
            if (refused instanceof NotFoundException) {
                throw refused;
            }
            model.addAttribute("doneErrors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", form);
        }
        return workOrder(id, model);
    }

    @GetMapping("/work-orders/day")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    String day(@RequestParam(defaultValue = "") String day, Model model) {
        LocalDate chosen = DevicePages.date(day);
        LocalDate shown = chosen == null ? devices.today() : chosen;
        List<DayPlanning.TechnicianDay> days = planning.days(shown);
        model.addAttribute("day", shown);
        model.addAttribute("days", days);
        return "devices/day";
    }

    @PostMapping("/work-orders/day")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    String plan(@RequestParam(defaultValue = "") String day, Model model) {
        LocalDate chosen = DevicePages.date(day);
        LocalDate planned = chosen == null || chosen.isBefore(devices.today()) ? devices.today() : chosen;
        model.addAttribute("result", planning.plan(planned));
        return day(planned.toString(), model);
    }

    @GetMapping("/technicians")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    String technicians(@RequestParam(defaultValue = "") String edit, Model model) {
        Technicians.Technician editing = edit.isBlank() ? null
                : technicians.require(FormValues.pathId(edit));
        model.addAttribute("technicians", technicians.all());
        model.addAttribute("absences", technicians.absences());
        model.addAttribute("today", devices.today());
        model.addAttribute("skills", Technicians.SKILLS.stream().sorted().toList());
        model.addAttribute("editing", editing);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", editing == null
                    ? new Technicians.Typed("", "", "", "08:00", "16:00", List.of())
                    : new Technicians.Typed(editing.name(), editing.username(), editing.homePostal(),
                            editing.dayStart().toString(), editing.dayEnd().toString(), List.copyOf(editing.skills())));
        }
        return "devices/technicians";
    }

    @PostMapping({ "/technicians", "/technicians/{id}" })
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    String saveTechnician(@PathVariable(required = false) @Nullable String id, @RequestParam Map<String, String> form,
            @RequestParam(required = false) @Nullable List<String> skills, Model model) {
        Technicians.Typed typed = new Technicians.Typed(form.get("name"), form.get("username"), form.get("homePostal"),
                form.get("dayStart"), form.get("dayEnd"), skills == null ? List.of() : skills);
        UUID technicianId = id == null ? null : FormValues.pathId(id);
        try {
            technicians.save(technicianId, typed);
            model.addAttribute("saved", true);
            return technicians("", model);
        } catch (DomainException refused) {
            if (refused instanceof NotFoundException) {
                throw refused;
            }
            model.addAttribute("formErrors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("form", typed);
            return technicians(id == null ? "" : id, model);
        }
    }

    @PostMapping("/technicians/absences")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    String absence(@RequestParam Map<String, String> form, Model model) {
        try {
            technicians.addAbsence(FormValues.uuidOrNull(form.get("technician")), DevicePages.date(form.get("from")),
                    DevicePages.date(form.get("to")), form.getOrDefault("reason", ""));
            model.addAttribute("added", true);
        } catch (DomainException refused) {
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", form);
        }
        return technicians("", model);
    }

    @GetMapping("/my-day")
    @PreAuthorize("hasRole('TECHNICIAN')")
    String myDay(Model model) {
        Technicians.Technician me = technicians.byUsername(currentUsers.require().username()).orElse(null);
        LocalDate today = devices.today();
        java.time.ZonedDateTime start = today.atStartOfDay(dk.fsc.shared.TimeConfiguration.DANISH_TIME);
        List<WorkOrderList.Row> visits = me == null ? List.of()
                : list.rows(workOrders.plannedFor(me.id(), start.toInstant(), start.plusDays(1).toInstant()));
        model.addAttribute("me", me);
        model.addAttribute("today", today);
        model.addAttribute("visits", visits);
        model.addAttribute("next", visits.stream().filter(r -> r.work().open()).findFirst().orElse(null));
        model.addAttribute("outcomes", FieldWork.Outcome.values());
        return "devices/my-day";
    }

    @PostMapping("/my-day/{id}/done")
    @PreAuthorize("hasRole('TECHNICIAN')")
    String visitDone(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        try {
            fieldWork.complete(FormValues.pathId(id), done(form));
            redirect.addFlashAttribute("completed", true);
            return "redirect:/my-day";
        } catch (DomainException refused) {
            if (refused instanceof NotFoundException) {
                throw refused;
            }
            model.addAttribute("errors", FormErrors.byField(refused.errors(), messages));
            model.addAttribute("typed", form);
            model.addAttribute("failed", FormValues.pathId(id));
            return myDay(model);
        }
    }

    private static FieldWork.Done done(Map<String, String> form) {
        Long minutes = FormValues.wholeNumber(form.get("minutes"));
        return new FieldWork.Done(form.get("scan"), minutes == null ? null : (int) Math.clamp(minutes, -1, 100_000),
                form.get("outcome"), form.get("note"));
    }
}
