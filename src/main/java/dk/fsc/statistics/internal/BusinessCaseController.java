package dk.fsc.statistics.internal;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/business-cases")
@Tag(name = "Business cases", description = "Calculators whose inputs and results are kept per version")
class BusinessCaseController {

    private final BusinessCases businessCases;

    BusinessCaseController(BusinessCases businessCases) {
        this.businessCases = businessCases;
    }

    @GetMapping
    List<BusinessCase> all() {
        return businessCases.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A case with every version's inputs and results and the source's figures")
    BusinessCase find(@PathVariable UUID id) {
        return businessCases.find(id);
    }

    @PostMapping
    @Operation(summary = "Create a case with its first version (FSC_ADMIN, REGION_ANALYST, FINANCE)",
            description = "kind STOMA or DISPENSER; inputs as text: kroner with up to two decimals, per cents 0-100.")
    ResponseEntity<BusinessCase> create(@RequestBody BusinessCases.NewCase request, Principal principal) {
        BusinessCase created = businessCases.create(request, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/business-cases/" + created.id())).body(created);
    }

    @PostMapping("/{id}/versions")
    @Operation(summary = "Save a new version of a case's inputs and results")
    BusinessCase addVersion(@PathVariable UUID id, @RequestBody BusinessCases.NewVersion request,
            Principal principal) {
        return businessCases.addVersion(id, request, principal.getName());
    }
}
