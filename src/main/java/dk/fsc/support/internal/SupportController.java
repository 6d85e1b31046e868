package dk.fsc.support.internal;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.fsc.shared.web.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Support's REST API: contacts with their minutes, and the telephone system's call records. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Support", description = "Contacts with the one point of contact and call service targets")
class SupportController {

    /** A year of a busy call center's records (500,000 calls) is about 50 MB. */
    static final int MAX_CALL_FILE = 128 * 1024 * 1024;

    private final ContactDesk desk;
    private final CallRecords callRecords;
    private final CallTargets targets;

    SupportController(ContactDesk desk, CallRecords callRecords, CallTargets targets) {
        this.desk = desk;
        this.callRecords = callRecords;
        this.targets = targets;
    }

    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a contact (FSC_AGENT, FSC_ADMIN)",
            description = "minutes 0 to 480; billed to the citizen's municipality, or with billing REGION to the"
                    + " region for telehealth support (topic DEVICE or ALARM) where its agreement says so; without"
                    + " a citizen billedMunicipality names the payer. Publishes ContactRegistered.")
    ContactRepository.Contact register(@RequestBody ContactDesk.Command command) {
        return desk.register(command);
    }

    @PutMapping("/contacts/{id}")
    @Operation(summary = "Correct a contact (FSC_AGENT, FSC_ADMIN): revision one higher, published again")
    ContactRepository.Contact correct(@PathVariable UUID id, @RequestBody ContactDesk.Command command) {
        return desk.correct(id, command);
    }

    @GetMapping("/contacts/{id}")
    @Operation(summary = "A contact (service center; the caseworker of the citizen's municipality, else 404)")
    ContactRepository.Contact contact(@PathVariable UUID id) {
        return desk.find(id);
    }

    @PostMapping(value = "/call-records", consumes = { "text/csv", "text/plain" })
    @Operation(summary = "Import call records (FSC_ADMIN)",
            description = "UTF-8 CSV with the header " + CallRecords.HEADER + "; all lines valid or nothing is"
                    + " saved; a call id known already is skipped; the same id twice in one file, times out of"
                    + " order and broken encoding are refused.")
    CallRecords.Imported importCalls(InputStream body) {
        return callRecords.importCsv(RequestBodies.readAtMost(body, MAX_CALL_FILE));
    }

    @GetMapping("/call-figures")
    @Operation(summary = "Waiting time and abandoned calls per DAY, WEEK or MONTH against the targets (FSC_AGENT, FSC_ADMIN)")
    List<CallTargets.Figures> figures(@RequestParam(defaultValue = "DAY") CallTargets.Unit unit,
            @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return targets.figures(unit, from, to);
    }
}
