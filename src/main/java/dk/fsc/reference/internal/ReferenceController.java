package dk.fsc.reference.internal;

import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import dk.fsc.reference.Cluster;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.PopulationYear;
import dk.fsc.reference.Region;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
@Tag(name = "Reference data", description = "Regions, municipalities, clusters and population figures")
class ReferenceController {

    private final ReferenceDataService referenceData;
    private final ImportPopulations importPopulations;
    private final AddMunicipality addMunicipality;

    ReferenceController(ReferenceDataService referenceData, ImportPopulations importPopulations,
            AddMunicipality addMunicipality) {
        this.referenceData = referenceData;
        this.importPopulations = importPopulations;
        this.addMunicipality = addMunicipality;
    }

    @GetMapping("/regions")
    List<Region> regions() {
        return referenceData.regions();
    }

    @GetMapping("/municipalities")
    @Operation(summary = "All municipalities with region, cluster and newest population")
    List<Municipality> municipalities() {
        return referenceData.municipalities();
    }

    @GetMapping("/municipalities/{code}")
    Municipality municipality(@PathVariable String code) {
        return referenceData.municipality(MunicipalityCode.parse("code", code))
                .orElseThrow(() -> new NotFoundException("No municipality with code " + code + "."));
    }

    record NewMunicipality(@Nullable String code, @Nullable String name, @Nullable String regionCode,
            @Nullable String cluster) {
    }

    @PostMapping("/municipalities")
    @Operation(summary = "Add a municipality (FSC_ADMIN), e.g. of a region that joins")
    ResponseEntity<Municipality> addMunicipality(@RequestBody NewMunicipality request) {
        Municipality added = addMunicipality.add(new AddMunicipality.Command(request.code(), request.name(),
                request.regionCode(), request.cluster()));
        return ResponseEntity.created(URI.create("/api/v1/municipalities/" + added.code())).body(added);
    }

    @GetMapping("/clusters")
    List<Cluster> clusters() {
        return referenceData.clusters();
    }

    record PopulationYearSummary(int year, String source, Instant importedAt, String importedBy, long total,
            int municipalities, boolean partial, List<String> completeRegions, List<String> defaultFor) {
    }

    @GetMapping("/populations")
    @Operation(summary = "The years with population figures, newest first",
            description = "A year is partial when some municipality has no figure. An allocation by population "
                    + "uses, unless it names a year, the newest year complete for its region: defaultFor.")
    List<PopulationYearSummary> populationYears() {
        return referenceData.listedYears().stream()
                .map(listed -> {
                    PopulationYear year = listed.year();
                    return new PopulationYearSummary(year.year(), year.source(), year.importedAt(),
                            year.importedBy(), year.total(), year.figures().size(), year.partial(),
                            year.completeRegions(), listed.defaultFor());
                })
                .toList();
    }

    @GetMapping("/populations/{year}")
    PopulationYear populationYear(@PathVariable String year) {
        int parsed = ImportPopulations.parseYear(year);
        return referenceData.populationYear(parsed)
                .orElseThrow(() -> new NotFoundException("No population figures for " + parsed + "."));
    }

    @PutMapping(value = "/populations/{year}", consumes = { "text/csv", "text/plain" })
    @Operation(summary = "Load a year's population figures (FSC_ADMIN)",
            description = "CSV 'code,population' or a StatBank FOLK1A export (semicolon-separated, "
                    + "municipality names, UTF-8 or ISO-8859-1). All lines valid or nothing is saved.")
    ResponseEntity<ImportPopulations.Result> loadPopulationYear(@PathVariable String year, InputStream body,
            Principal principal) {
        byte[] bytes = RequestBodies.readAtMost(body, ImportPopulations.MAX_BYTES);
        ImportPopulations.Result result = importPopulations.load(year, bytes, principal.getName());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }
}
