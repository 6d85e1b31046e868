package dk.fsc.citizens.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import dk.fsc.citizens.CitizenView;
import dk.fsc.identity.AuditLog;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Citizens", description = "The citizen register; CPR numbers only in request bodies")
class CitizenController {

    private final FindCitizens findCitizens;
    private final RegisterCitizen registerCitizen;
    private final ChangeContact changeContact;
    private final ChangeAddress changeAddress;
    private final AccessLogs accessLogs;

    CitizenController(FindCitizens findCitizens, RegisterCitizen registerCitizen, ChangeContact changeContact,
            ChangeAddress changeAddress, AccessLogs accessLogs) {
        this.findCitizens = findCitizens;
        this.registerCitizen = registerCitizen;
        this.changeContact = changeContact;
        this.changeAddress = changeAddress;
        this.accessLogs = accessLogs;
    }

    record AddressBody(@Nullable String street, @Nullable String postalCode, @Nullable String city) {
    }

    record NewCitizen(@Nullable String cpr, @Nullable String name, @Nullable AddressBody address,
            @Nullable String municipalityCode, @Nullable String phone, @Nullable String email) {
    }

    @PostMapping("/citizens")
    @Operation(summary = "Register a citizen (FSC_ADMIN, FSC_AGENT, caseworker of the municipality)")
    ResponseEntity<CitizenView> register(@RequestBody NewCitizen body) {
        AddressBody address = body.address() != null ? body.address() : new AddressBody(null, null, null);
        CitizenView created = registerCitizen.register(new RegisterCitizen.Command(body.cpr(), body.name(),
                address.street(), address.postalCode(), address.city(), body.municipalityCode(), body.phone(),
                body.email()));
        return ResponseEntity.created(URI.create("/api/v1/citizens/" + created.id())).body(created);
    }

    @GetMapping("/citizens/{id}")
    @Operation(summary = "A citizen the caller may see; 404 for one they may not")
    CitizenView citizen(@PathVariable UUID id) {
        return findCitizens.view(id);
    }

    record SearchBody(@Nullable String cpr, @Nullable String name, @Nullable String phone) {
    }

    @PostMapping("/citizens/search")
    @Operation(summary = "Search by exactly one of cpr, name (part) or phone, among the citizens the caller may see")
    Paged<CitizenView> search(@RequestBody SearchBody body, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageQuery.DEFAULT_SIZE) int size) {
        return findCitizens.search(new FindCitizens.Query(body.cpr(), body.name(), body.phone()),
                new PageQuery(page, size));
    }

    @PutMapping("/citizens/{id}/contact")
    @Operation(summary = "Change phone and e-mail (blank or missing removes them)")
    CitizenView contact(@PathVariable UUID id, @RequestBody ChangeContact.Command body) {
        return changeContact.change(id, body);
    }

    @PutMapping("/citizens/{id}/address")
    @Operation(summary = "Change the address; another municipality is a move and publishes CitizenMoved")
    CitizenView address(@PathVariable UUID id, @RequestBody ChangeAddress.Command body) {
        return changeAddress.change(id, body);
    }

    @GetMapping("/audit")
    @Operation(summary = "The audit log (FSC_ADMIN): optionally of one citizen, from/to as instant or date")
    Paged<AuditLog.Entry> audit(@RequestParam(required = false) @Nullable UUID citizenId,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageQuery.DEFAULT_SIZE) int size) {
        return accessLogs.search(citizenId, instant("from", from), instant("to", to), new PageQuery(page, size));
    }

    @GetMapping("/me/access-log")
    @Operation(summary = "Who has read or changed my data (CITIZEN), newest first, the last two years;"
            + " my own actions only with includeOwn=true")
    Paged<AccessLogs.Access> myAccessLog(@RequestParam(defaultValue = "false") boolean includeOwn,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageQuery.DEFAULT_SIZE) int size) {
        return accessLogs.mine(includeOwn, new PageQuery(page, size));
    }

    /** An ISO instant, or a date meaning its start in Danish time. */
    private static @Nullable Instant instant(String field, @Nullable String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(input.strip());
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDate.parse(input.strip()).atStartOfDay(TimeConfiguration.DANISH_TIME).toInstant();
            } catch (DateTimeParseException notDate) {
                throw InvalidInputException.of(field, "must be a date (2026-11-22) or an instant (2026-11-22T10:00:00Z)");
            }
        }
    }
}
