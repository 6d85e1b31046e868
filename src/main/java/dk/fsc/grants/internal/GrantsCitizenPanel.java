package dk.fsc.grants.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.web.CitizenPanel;
import org.springframework.stereotype.Component;

/**
 * The grants' panel on the service center's whole-citizen view: every grant of the citizen with
 * its validity and status today, read through the module's scoped, audited use case.
 */
@Component
class GrantsCitizenPanel implements CitizenPanel {

    private final ReadGrants reads;
    private final Clock clock;

    GrantsCitizenPanel(ReadGrants reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    @Override
    public String template() {
        return "grants/citizen-panel";
    }

    @Override
    public String fragment() {
        return "grants";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Map<String, Object>> model(UUID citizenId, boolean readOnly) {
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        return Optional.of(Map.of("citizenId", citizenId, "grants", reads.ofCitizen(citizenId).grants(),
                "today", today));
    }
}
