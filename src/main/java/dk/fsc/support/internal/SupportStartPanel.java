package dk.fsc.support.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.web.StartPagePanel;
import org.springframework.stereotype.Component;

/**
 * Support's box on the start page: the service center sees the citizens' messages waiting and its
 * own tasks; a nurse her open referrals; a citizen the way to write to the service center.
 */
@Component
class SupportStartPanel implements StartPagePanel {

    private final ContactDesk desk;
    private final FollowUpTasks tasks;
    private final Referrals referrals;
    private final CurrentUsers currentUsers;

    SupportStartPanel(ContactDesk desk, FollowUpTasks tasks, Referrals referrals, CurrentUsers currentUsers) {
        this.desk = desk;
        this.tasks = tasks;
        this.referrals = referrals;
        this.currentUsers = currentUsers;
    }

    @Override
    public String template() {
        return "support/panels";
    }

    @Override
    public String fragment() {
        return "support";
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Optional<Map<String, Object>> model() {
        Optional<CurrentUser> user = currentUsers.current();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (SupportAccess.isDesk(user.get())) {
            List<FollowUpTasks.Task> mine = tasks.mine();
            return Optional.of(Map.of("kind", "desk", "waiting", desk.openWebForms().size(), "tasks", mine.size(),
                    "overdue", mine.stream().filter(FollowUpTasks.Task::overdue).count()));
        }
        if (user.get().has(Role.NURSE)) {
            return Optional.of(Map.of("kind", "nurse", "referrals", referrals.openForNurse().size()));
        }
        if (user.get().has(Role.CITIZEN)) {
            return Optional.of(Map.of("kind", "citizen"));
        }
        return Optional.empty();
    }
}
