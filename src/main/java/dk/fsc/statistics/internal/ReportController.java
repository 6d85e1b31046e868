package dk.fsc.statistics.internal;

import java.util.List;
import java.util.UUID;

import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The kept monthly reports (a caseworker: her municipality's only) and, for the administrator,
 * who receives each municipality's report by e-mail.
 */
@RestController
@Tag(name = "Statistics", description = "Key figures per municipality, cluster, region or the platform")
class ReportController {

    record Recipients(@Nullable List<String> emails) {
    }

    private final MonthlyReports reports;
    private final CurrentUsers currentUsers;

    ReportController(MonthlyReports reports, CurrentUsers currentUsers) {
        this.reports = reports;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/v1/statistics/reports")
    @PreAuthorize("hasAnyRole('FSC_ADMIN','REGION_ANALYST','FINANCE','MUNICIPAL_CASEWORKER')")
    @Operation(summary = "The kept monthly reports, newest month first (a caseworker: her municipality's)")
    List<MonthlyReports.Report> list() {
        return reports.list(ownMunicipality());
    }

    @GetMapping({ "/api/v1/statistics/reports/{id}.{format}", "/statistics/reports/{id}.{format}" })
    @PreAuthorize("hasAnyRole('FSC_ADMIN','REGION_ANALYST','FINANCE','MUNICIPAL_CASEWORKER')")
    @Operation(summary = "A kept monthly report as pdf or xlsx")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable String format) {
        byte[] body = reports.file(id, format, ownMunicipality());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.equals("pdf") ? "application/pdf" : MonthlyReports.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statistik-" + id + "." + format + "\"")
                .body(body);
    }

    @GetMapping("/api/v1/statistics/report-recipients/{municipality}")
    @PreAuthorize("hasRole('FSC_ADMIN')")
    @Operation(summary = "Who receives the municipality's monthly report by e-mail")
    Recipients recipients(@PathVariable String municipality) {
        return new Recipients(reports.recipients(municipality));
    }

    @PutMapping("/api/v1/statistics/report-recipients/{municipality}")
    @PreAuthorize("hasRole('FSC_ADMIN')")
    @Operation(summary = "Replaces who receives the municipality's monthly report (at most 20 addresses)")
    Recipients setRecipients(@PathVariable String municipality, @RequestBody Recipients recipients) {
        if (recipients.emails() == null) {
            throw new InvalidInputException("The recipients are missing.",
                    List.of(FieldError.of("emails", "statistics.error.required")));
        }
        reports.setRecipients(municipality, recipients.emails());
        return new Recipients(reports.recipients(municipality));
    }

    /** A caseworker's own municipality; null for the roles that see every municipality. */
    private @Nullable String ownMunicipality() {
        CurrentUser user = currentUsers.require();
        return user.hasAny(Role.FSC_ADMIN, Role.REGION_ANALYST, Role.FINANCE) ? null
                : user.municipalityCode() == null ? "" : user.municipalityCode();
    }
}
