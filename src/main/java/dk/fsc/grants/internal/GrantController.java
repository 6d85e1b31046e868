package dk.fsc.grants.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.fsc.grants.DecisionTask;
import dk.fsc.grants.GrantedLine;
import dk.fsc.grants.LimitPeriod;
import dk.fsc.shared.TimeConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Grants", description = "A caseworker's grants of products to a citizen, with limits per period")
class GrantController {

    private final GrantDecisions decisions;
    private final ReadGrants reads;
    private final DecisionTasks tasks;
    private final Clock clock;

    GrantController(GrantDecisions decisions, ReadGrants reads, DecisionTasks tasks, Clock clock) {
        this.decisions = decisions;
        this.reads = reads;
        this.tasks = tasks;
        this.clock = clock;
    }

    record LineBody(UUID id, @Nullable UUID productId, @Nullable String area, @Nullable String group, int quantity,
            LimitPeriod period) {
    }

    record GrantBody(UUID id, UUID citizenId, String municipalityCode, String status, LocalDate validFrom,
            @Nullable LocalDate validTo, GrantedLine.@Nullable DeliveryAddress deliveryAddress, @Nullable String note,
            @Nullable LocalDate endsOn, @Nullable String endReason, int revision, Instant createdAt, String createdBy,
            List<LineBody> lines) {
    }

    @PostMapping("/citizens/{citizenId}/grants")
    @Operation(summary = "Grant a citizen products, groups or areas with limits (caseworker of the citizen's municipality)")
    ResponseEntity<GrantBody> make(@PathVariable UUID citizenId, @RequestBody GrantTerms.Command command) {
        GrantBody made = body(decisions.make(citizenId, command));
        return ResponseEntity.created(URI.create("/api/v1/grants/" + made.id())).body(made);
    }

    @GetMapping("/citizens/{citizenId}/grants")
    @Operation(summary = "The citizen's grants, newest first, with their status today")
    List<GrantBody> ofCitizen(@PathVariable UUID citizenId) {
        return reads.ofCitizen(citizenId).grants().stream().map(this::body).toList();
    }

    @GetMapping("/grants/{grantId}")
    @Operation(summary = "One grant")
    GrantBody grant(@PathVariable UUID grantId) {
        return body(reads.grant(grantId));
    }

    @PutMapping("/grants/{grantId}")
    @Operation(summary = "Change a grant's terms and lines (a new revision; lines covering the same thing keep their consumption)")
    GrantBody change(@PathVariable UUID grantId, @RequestBody GrantTerms.Command command) {
        return body(decisions.change(grantId, command));
    }

    record EndBody(@Nullable LocalDate endsOn, @Nullable String reason) {
    }

    @PostMapping("/grants/{grantId}/end")
    @Operation(summary = "End a grant: from endsOn (default today) it is no longer in force")
    GrantBody end(@PathVariable UUID grantId, @RequestBody EndBody body) {
        return body(decisions.end(grantId, body.endsOn(), body.reason()));
    }

    @GetMapping("/grants/{grantId}/revisions")
    @Operation(summary = "Every revision of the grant as decided, oldest first")
    List<GrantRepository.Revision> revisions(@PathVariable UUID grantId) {
        return reads.revisions(grantId);
    }

    record TaskBody(UUID id, UUID citizenId, String municipalityCode, String reason, @Nullable String fromMunicipality,
            LocalDate dueToDate, Instant createdAt) {
    }

    @GetMapping("/grant-tasks")
    @Operation(summary = "Decisions the caseworker's municipality owes citizens (e.g. after a move in), oldest first;"
            + " marking one done ends the transition on the old municipality's grants")
    List<TaskBody> tasks() {
        return tasks.open().stream().map(GrantController::body).toList();
    }

    private static TaskBody body(DecisionTask task) {
        return new TaskBody(task.id(), task.citizenId().value(), task.municipality().value(), task.reason(),
                task.fromMunicipality() == null ? null : task.fromMunicipality().value(), task.dueToDate(),
                task.createdAt());
    }

    @PostMapping("/grant-tasks/{taskId}/done")
    @Operation(summary = "Mark a decision task done")
    ResponseEntity<Void> done(@PathVariable UUID taskId) {
        tasks.done(taskId);
        return ResponseEntity.noContent().build();
    }

    private GrantBody body(Grant grant) {
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        return new GrantBody(grant.id(), grant.citizenId(), grant.municipalityCode(), grant.statusOn(today).name(),
                grant.validFrom(), grant.validTo(), grant.deliveryAddress(), grant.note(), grant.endsOn(),
                grant.endReason(), grant.revision(), grant.createdAt(), grant.createdBy(),
                grant.lines().stream().map(line -> new LineBody(line.id(),
                        line.target().productId() == null ? null : line.target().productId().value(),
                        line.target().areaCode(), line.target().groupCode(), line.quantity(), line.period())).toList());
    }
}
