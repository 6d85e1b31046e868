package dk.fsc.alarms.internal;

import java.util.Map;
import java.util.Optional;

import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.web.StartPagePanel;
import org.springframework.stereotype.Component;

/**
 * A citizen's own start-page box: the share of their doses taken on time in the last four weeks,
 * with a link to every week. Left out for other roles and for citizens without a dispenser's doses.
 */
@Component
class AdherencePanel implements StartPagePanel {

    static final int WEEKS = 4;

    private final FollowUp followUp;
    private final CurrentUsers users;

    AdherencePanel(FollowUp followUp, CurrentUsers users) {
        this.followUp = followUp;
        this.users = users;
    }

    @Override
    public String template() {
        return "alarms/panels";
    }

    @Override
    public String fragment() {
        return "adherence";
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public Optional<Map<String, Object>> model() {
        return users.current().filter(user -> user.has(Role.CITIZEN) && user.citizenId() != null)
                .flatMap(user -> {
                    var weeks = followUp.adherence(user.citizenId());
                    return weeks.isEmpty() ? Optional.empty()
                            : Optional.of(Map.of("citizenId", user.citizenId(),
                                    "weeks", weeks.subList(0, Math.min(WEEKS, weeks.size()))));
                });
    }
}
