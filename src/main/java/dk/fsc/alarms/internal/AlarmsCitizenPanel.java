package dk.fsc.alarms.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.web.CitizenPanel;
import org.springframework.stereotype.Component;

/**
 * The alarms' panel on the service center's whole-citizen view: the citizen's open alarms in the
 * municipalities the current user handles (an agent those whose first response is by FSC), and a
 * link to the citizen's adherence for those who may see it. It offers no actions: alarms are
 * handled on the alarm list.
 */
@Component
class AlarmsCitizenPanel implements CitizenPanel {

    private final AlarmHandling handling;
    private final CurrentUsers users;

    AlarmsCitizenPanel(AlarmHandling handling, CurrentUsers users) {
        this.handling = handling;
        this.users = users;
    }

    @Override
    public String template() {
        return "alarms/citizen-panel";
    }

    @Override
    public String fragment() {
        return "alarms";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<Map<String, Object>> model(UUID citizenId, boolean readOnly) {
        CurrentUser user = users.require();
        return Optional.of(Map.of("citizenId", citizenId,
                "handles", !handling.municipalities().isEmpty(),
                "open", handling.openOfCitizen(citizenId),
                "adherence", user.has(Role.FSC_ADMIN) || user.has(Role.FSC_AGENT)
                        || user.has(Role.MUNICIPAL_CASEWORKER) || user.has(Role.MUNICIPAL_HOMECARE)));
    }
}
