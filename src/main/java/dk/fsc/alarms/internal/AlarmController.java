package dk.fsc.alarms.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.fsc.identity.CurrentUsers;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The alarms API: the alarm list and its actions, dose schedules, response plans and vendors. */
@RestController
class AlarmController {

    record Close(@Nullable String outcome, @Nullable String note) {
    }

    record ScheduleRequest(@Nullable List<String> doseTimes, @Nullable Integer graceMinutes) {
    }

    record ScheduleAnswer(String serial, UUID citizenId, List<String> doseTimes, int graceMinutes, List<String> notes) {
    }

    record PlanRequest(ResponsePlans.@Nullable FirstResponse firstResponse, @Nullable List<Integer> escalationMinutes,
            @Nullable String webhookUrl, @Nullable String webhookSecret, @Nullable String email,
            @Nullable Integer targetAcknowledgeMinutes, @Nullable Integer targetCloseMinutes) {
    }

    record VendorRequest(@Nullable String apiKeyName, @Nullable String secret) {
    }

    private final AlarmHandling handling;
    private final DoseSchedules schedules;
    private final ResponsePlans plans;
    private final Vendors vendors;
    private final CurrentUsers users;
    private final FollowUp followUp;

    AlarmController(AlarmHandling handling, DoseSchedules schedules, ResponsePlans plans, Vendors vendors,
            CurrentUsers users, FollowUp followUp) {
        this.followUp = followUp;
        this.handling = handling;
        this.schedules = schedules;
        this.plans = plans;
        this.vendors = vendors;
        this.users = users;
    }

    @GetMapping("/api/v1/alarms")
    @PreAuthorize("hasAnyRole('MUNICIPAL_HOMECARE', 'FSC_AGENT')")
    List<AlarmView> alarms() {
        return handling.list();
    }

    @GetMapping("/api/v1/alarms/{id}")
    @PreAuthorize("hasAnyRole('MUNICIPAL_HOMECARE', 'FSC_AGENT')")
    AlarmView alarm(@PathVariable UUID id) {
        return handling.get(id);
    }

    @PostMapping("/api/v1/alarms/{id}/acknowledge")
    @PreAuthorize("hasAnyRole('MUNICIPAL_HOMECARE', 'FSC_AGENT')")
    AlarmView acknowledge(@PathVariable UUID id) {
        return handling.acknowledge(id);
    }

    @PostMapping("/api/v1/alarms/{id}/escalate")
    @PreAuthorize("hasAnyRole('MUNICIPAL_HOMECARE', 'FSC_AGENT')")
    AlarmView escalate(@PathVariable UUID id) {
        return handling.escalate(id);
    }

    @PostMapping("/api/v1/alarms/{id}/close")
    @PreAuthorize("hasAnyRole('MUNICIPAL_HOMECARE', 'FSC_AGENT')")
    AlarmView close(@PathVariable UUID id, @RequestBody Close close) {
        return handling.close(id, close.outcome(), close.note());
    }

    @GetMapping("/api/v1/devices/{serial}/dose-schedule")
    @PreAuthorize("hasAnyRole('FSC_ADMIN', 'MUNICIPAL_CASEWORKER', 'MUNICIPAL_HOMECARE')")
    ScheduleAnswer schedule(@PathVariable String serial) {
        if (!schedules.mayChange(serial)) {
            throw new NotFoundException("No installed device " + serial);
        }
        DoseSchedules.Schedule schedule = schedules.of(serial)
                .orElseThrow(() -> new NotFoundException("No dose schedule for " + serial));
        return new ScheduleAnswer(serial, schedule.citizenId(), schedule.doseTimes().stream().map(Object::toString).toList(),
                schedule.graceMinutes(), List.of());
    }

    @PutMapping("/api/v1/devices/{serial}/dose-schedule")
    @PreAuthorize("hasAnyRole('FSC_ADMIN', 'MUNICIPAL_CASEWORKER', 'MUNICIPAL_HOMECARE')")
    ScheduleAnswer schedule(@PathVariable String serial, @RequestBody ScheduleRequest request) {
        DoseSchedules.Saved saved = schedules.set(serial, request.doseTimes(), request.graceMinutes());
        return new ScheduleAnswer(serial, saved.schedule().citizenId(),
                saved.schedule().doseTimes().stream().map(Object::toString).toList(), saved.schedule().graceMinutes(),
                saved.notes());
    }

    @GetMapping("/api/v1/municipalities/{code}/alarm-plan")
    @PreAuthorize("hasRole('FSC_ADMIN')")
    ResponsePlans.Plan plan(@PathVariable String code) {
        return hideSecret(plans.of(code));
    }

    @PutMapping("/api/v1/municipalities/{code}/alarm-plan")
    @PreAuthorize("hasRole('FSC_ADMIN')")
    ResponsePlans.Plan plan(@PathVariable String code, @RequestBody PlanRequest request) {
        ResponsePlans.Plan defaults = ResponsePlans.defaultPlan(code);
        ResponsePlans.Plan plan = new ResponsePlans.Plan(code,
                request.firstResponse() == null ? defaults.firstResponse() : request.firstResponse(),
                request.escalationMinutes() == null ? defaults.escalationMinutes() : request.escalationMinutes(),
                request.webhookUrl(), request.webhookSecret(), request.email(),
                request.targetAcknowledgeMinutes() == null ? defaults.targetAcknowledgeMinutes()
                        : request.targetAcknowledgeMinutes(),
                request.targetCloseMinutes() == null ? defaults.targetCloseMinutes() : request.targetCloseMinutes());
        return hideSecret(plans.set(code, plan, users.require().username()));
    }

    @GetMapping("/api/v1/alarm-vendors")
    @PreAuthorize("hasRole('FSC_ADMIN')")
    List<Vendors.Listed> vendors() {
        return vendors.list();
    }

    @PutMapping("/api/v1/alarm-vendors/{code}")
    @PreAuthorize("hasRole('FSC_ADMIN')")
    void vendor(@PathVariable String code, @RequestBody VendorRequest request) {
        vendors.register(code, request.apiKeyName(), request.secret(), users.require().username());
    }

    @GetMapping("/api/v1/municipalities/{code}/alarm-follow-up")
    @PreAuthorize("hasAnyRole('FSC_ADMIN', 'MUNICIPAL_CASEWORKER', 'MUNICIPAL_HOMECARE')")
    FollowUp.Summary followUp(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        return followUp.summary(code, from, to);
    }

    @GetMapping(path = "/api/v1/municipalities/{code}/alarm-follow-up.csv", produces = "text/csv")
    @PreAuthorize("hasAnyRole('FSC_ADMIN', 'MUNICIPAL_CASEWORKER', 'MUNICIPAL_HOMECARE')")
    ResponseEntity<String> followUpCsv(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        FollowUp.Summary summary = followUp.summary(code, from, to);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"alarm-follow-up-" + code + "-"
                        + summary.from() + "-" + summary.to() + ".csv\"")
                .body(followUp.csv(summary));
    }

    @GetMapping("/api/v1/citizens/{id}/adherence")
    @PreAuthorize("hasAnyRole('FSC_ADMIN', 'FSC_AGENT', 'MUNICIPAL_CASEWORKER', 'MUNICIPAL_HOMECARE', 'CITIZEN')")
    List<FollowUp.Week> adherence(@PathVariable UUID id) {
        return followUp.adherence(id);
    }

    private static ResponsePlans.Plan hideSecret(ResponsePlans.Plan plan) {
        return new ResponsePlans.Plan(plan.municipalityCode(), plan.firstResponse(), plan.escalationMinutes(),
                plan.webhookUrl(), plan.webhookSecret() == null ? null : "whsec_…", plan.email(),
                plan.targetAcknowledgeMinutes(), plan.targetCloseMinutes());
    }
}
