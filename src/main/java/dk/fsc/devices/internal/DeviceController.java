package dk.fsc.devices.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The devices API: what the pages do, for the same roles. Devices and their lifecycle, needs
 * assessments and pauses, the assessment rules with their test mode, work orders with their
 * assignment and registration, the day's plan, and the technicians.
 */
@RestController
class DeviceController {

    record NewDevice(@Nullable String serial, @Nullable UUID modelId, @Nullable String supplier,
            @Nullable LocalDate purchasedOn) {
    }

    record Move(@Nullable String state, @Nullable String note) {
    }

    record DeviceDetails(DeviceRegister.Device device, List<DeviceRegister.HistoryRow> history,
            List<DeviceRegister.Lease> leases) {
    }

    record AssessmentRequest(@Nullable Map<String, String> answers, @Nullable String chosen,
            @Nullable String deviationReason, @Nullable Boolean training, @Nullable GrantRequest grant) {
    }

    /** The dispenser granted with the assessment: a model of the dispenser area, or none for the area itself. */
    record GrantRequest(@Nullable String modelId, @Nullable Long quantity, @Nullable String period,
            @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {

        Assessments.DispenserGrant typed() {
            return new Assessments.DispenserGrant(modelId, quantity == null ? null : quantity.toString(), period,
                    validFrom == null ? null : validFrom.toString(), validTo == null ? null : validTo.toString());
        }
    }

    record PauseRequest(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String reason) {
    }

    record Rules(int version, String text, List<RuleBook.Version> versions) {
    }

    record RulesRequest(@Nullable String text, @Nullable Integer basedOn) {
    }

    record RulesTest(@Nullable String text, @Nullable Map<String, String> answers) {
    }

    record Assignment(@Nullable UUID technicianId, @Nullable LocalDate day, @Nullable String start) {
    }

    record AbsenceRequest(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String reason) {
    }

    private final DeviceRegister devices;
    private final WorkChains chains;
    private final Assessments assessments;
    private final Pauses pauses;
    private final RuleBook ruleBook;
    private final WorkOrderList list;
    private final FieldWork fieldWork;
    private final DayPlanning planning;
    private final Technicians technicians;

    DeviceController(DeviceRegister devices, WorkChains chains, Assessments assessments, Pauses pauses,
            RuleBook ruleBook, WorkOrderList list, FieldWork fieldWork, DayPlanning planning, Technicians technicians) {
        this.devices = devices;
        this.chains = chains;
        this.assessments = assessments;
        this.pauses = pauses;
        this.ruleBook = ruleBook;
        this.list = list;
        this.fieldWork = fieldWork;
        this.planning = planning;
        this.technicians = technicians;
    }

    @GetMapping("/api/v1/devices")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN', 'TECHNICIAN')")
    Paged<DeviceRegister.Device> devices(@RequestParam(required = false) @Nullable UUID modelId,
            @RequestParam(required = false) @Nullable String state, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        DeviceState chosen = state == null ? null : java.util.Arrays.stream(DeviceState.values())
                .filter(s -> s.name().equals(state)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("state", "devices.error.state"));
        return page(devices.search(modelId, chosen), new PageQuery(page, size));
    }

    @GetMapping("/api/v1/devices/{serial}")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN', 'TECHNICIAN')")
    DeviceDetails device(@PathVariable String serial) {
        return new DeviceDetails(devices.require(serial), devices.history(serial), devices.leases(serial));
    }

    @PostMapping("/api/v1/devices")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    DeviceRegister.Device register(@RequestBody NewDevice device) {
        return chains.register(device.serial(), device.modelId(), device.supplier(), device.purchasedOn());
    }

    @PostMapping("/api/v1/devices/{serial}/state")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    DeviceRegister.Device move(@PathVariable String serial, @RequestBody Move move) {
        devices.require(serial);
        chains.moveByHand(serial, move.state(), move.note());
        return devices.require(serial);
    }

    @GetMapping("/api/v1/citizens/{citizenId}/device-assessments")
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    List<Assessments.Assessment> assessments(@PathVariable UUID citizenId) {
        assessments.citizen(citizenId, "citizen.read");
        return assessments.ofCitizen(citizenId);
    }

    @PostMapping("/api/v1/citizens/{citizenId}/device-assessments")
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    @ResponseStatus(HttpStatus.CREATED)
    Assessments.Assessment assess(@PathVariable UUID citizenId, @RequestBody AssessmentRequest request) {
        Map<String, String> typed = new HashMap<>(request.answers() == null ? Map.of() : request.answers());
        typed.put("chosen", request.chosen() == null ? "" : request.chosen());
        typed.put("deviationReason", request.deviationReason() == null ? "" : request.deviationReason());
        typed.put("training", String.valueOf(Boolean.TRUE.equals(request.training())));
        return assessments.assess(citizenId, typed, request.grant() == null ? null : request.grant().typed());
    }

    @GetMapping("/api/v1/citizens/{citizenId}/device-pauses")
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    List<Pauses.Pause> pauses(@PathVariable UUID citizenId) {
        assessments.citizen(citizenId, "citizen.read");
        return pauses.ofCitizen(citizenId);
    }

    @PostMapping("/api/v1/citizens/{citizenId}/device-pauses")
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    @ResponseStatus(HttpStatus.CREATED)
    Pauses.Pause pause(@PathVariable UUID citizenId, @RequestBody PauseRequest request) {
        return pauses.pause(citizenId, request.from(), request.to(), request.reason());
    }

    @DeleteMapping("/api/v1/citizens/{citizenId}/device-pauses/{pauseId}")
    @PreAuthorize("hasRole('MUNICIPAL_CASEWORKER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancelPause(@PathVariable UUID citizenId, @PathVariable UUID pauseId) {
        pauses.cancel(citizenId, pauseId);
    }

    @GetMapping("/api/v1/device-rules")
    @PreAuthorize("hasRole('FSC_ADMIN')")
    Rules rules() {
        RuleBook.RuleSet current = ruleBook.current();
        return new Rules(current.version(), current.text(), ruleBook.versions());
    }

    @PostMapping("/api/v1/device-rules")
    @PreAuthorize("hasRole('FSC_ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    Rules saveRules(@RequestBody RulesRequest request) {
        ruleBook.save(request.text() == null ? "" : request.text(), request.basedOn() == null ? 0 : request.basedOn());
        return rules();
    }

    @PostMapping("/api/v1/device-rules/test")
    @PreAuthorize("hasRole('FSC_ADMIN')")
    AssessmentRules.Recommendation testRules(@RequestBody RulesTest request) {
        return ruleBook.test(request.text() == null ? ruleBook.current().text() : request.text(),
                request.answers() == null ? Map.of() : request.answers());
    }

    @GetMapping("/api/v1/work-orders")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN', 'TECHNICIAN', 'MUNICIPAL_CASEWORKER')")
    Paged<WorkOrderList.Row> workOrders(@RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String flag, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return page(list.search(WorkOrderList.Filter.of(type, status, flag)), new PageQuery(page, size));
    }

    @GetMapping("/api/v1/work-orders/{id}")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    WorkOrderList.Row workOrder(@PathVariable UUID id) {
        return list.row(fieldWork.require(id));
    }

    @PostMapping("/api/v1/work-orders/{id}/assignment")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    WorkOrderList.Row assign(@PathVariable UUID id, @RequestBody Assignment assignment) {
        return list.row(fieldWork.assign(id, assignment.technicianId(), assignment.day(),
                Technicians.time(assignment.start())));
    }

    @PostMapping("/api/v1/work-orders/{id}/completion")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN', 'TECHNICIAN')")
    WorkOrderList.Row complete(@PathVariable UUID id, @RequestBody FieldWork.Done done) {
        return list.row(fieldWork.complete(id, done));
    }

    @GetMapping("/api/v1/day-plans/{day}")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    List<DayPlanning.TechnicianDay> day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return planning.days(day);
    }

    @PostMapping("/api/v1/day-plans/{day}")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    DayPlanning.Result plan(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        if (day.isBefore(devices.today())) {
            throw InvalidInputException.of("day", "devices.error.plan.past");
        }
        return planning.plan(day);
    }

    @GetMapping("/api/v1/technicians")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    List<Technicians.Technician> technicians() {
        return technicians.all();
    }

    @PostMapping("/api/v1/technicians")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    Technicians.Technician addTechnician(@RequestBody Technicians.Typed technician) {
        return technicians.save(null, technician);
    }

    @PutMapping("/api/v1/technicians/{id}")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    Technicians.Technician changeTechnician(@PathVariable UUID id, @RequestBody Technicians.Typed technician) {
        return technicians.save(id, technician);
    }

    @GetMapping("/api/v1/technicians/{id}/absences")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    List<Technicians.Absence> absences(@PathVariable UUID id) {
        technicians.require(id);
        return technicians.absences().stream().filter(a -> a.technicianId().equals(id)).toList();
    }

    @PostMapping("/api/v1/technicians/{id}/absences")
    @PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    Technicians.Absence addAbsence(@PathVariable UUID id, @RequestBody AbsenceRequest absence) {
        technicians.require(id);
        return technicians.addAbsence(id, absence.from(), absence.to(), absence.reason() == null ? "" : absence.reason());
    }

    private static <T> Paged<T> page(List<T> all, PageQuery query) {
        int from = (int) Math.min(query.offset(), all.size());
        return Paged.of(all.subList(from, Math.min(all.size(), from + query.size())), query, all.size());
    }
}
