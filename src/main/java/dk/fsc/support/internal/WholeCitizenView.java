package dk.fsc.support.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.Citizens;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.CitizenPanel;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agent's whole-citizen view: contact data, the other modules' panels ({@link CitizenPanel}:
 * grants, orders, and whatever a module adds), open tasks, referrals and earlier contacts. The
 * caseworker of the citizen's municipality sees it read only; anyone else gets 404. One audit row
 * per opening ({@code support.view}; the panels' reads in the same request add none).
 */
@Service
class WholeCitizenView {

    static final int CONTACTS_SHOWN = 50;

    /** A panel to show: where its fragment is and its model. */
    record Panel(String template, String fragment, Map<String, Object> model) {
    }

    /** A referral as the reader may see it: the nurse's note only for nurses and the citizen's caseworker. */
    record ReferralLine(Referrals.Referral referral, @Nullable String visibleNote) {
    }

    record View(CitizenView citizen, boolean readOnly, List<Panel> panels, List<ContactRepository.Contact> contacts,
            List<FollowUpTasks.Task> tasks, List<ReferralLine> referrals) {
    }

    private final Citizens citizens;
    private final ContactRepository contacts;
    private final FollowUpTasks tasks;
    private final Referrals referrals;
    private final ObjectProvider<CitizenPanel> panels;
    private final CurrentUsers currentUsers;

    WholeCitizenView(Citizens citizens, ContactRepository contacts, FollowUpTasks tasks, Referrals referrals,
            ObjectProvider<CitizenPanel> panels, CurrentUsers currentUsers) {
        this.citizens = citizens;
        this.contacts = contacts;
        this.tasks = tasks;
        this.referrals = referrals;
        this.panels = panels;
        this.currentUsers = currentUsers;
    }

    @Transactional
    public View of(UUID citizenId) {
        CurrentUser user = currentUsers.require();
        boolean desk = SupportAccess.isDesk(user);
        if (!desk && !user.has(Role.MUNICIPAL_CASEWORKER)) {
            throw new NotFoundException("No such citizen.");
        }
        CitizenView citizen = citizens.find(citizenId, "support.view")
                .orElseThrow(() -> new NotFoundException("No such citizen."));
        boolean readOnly = !desk;
        List<Panel> shown = panels.stream().sorted(Comparator.comparingInt(CitizenPanel::order))
                .flatMap(panel -> panel.model(citizenId, readOnly)
                        .map(model -> new Panel(panel.template(), panel.fragment(), model)).stream())
                .toList();
        List<ReferralLine> referralLines = referrals.ofCitizen(citizenId).stream()
                .map(referral -> new ReferralLine(referral,
                        SupportAccess.maySeeHealthNotes(user, referral.municipalityCode()) ? referral.note() : null))
                .toList();
        return new View(citizen, readOnly, shown, contacts.ofCitizen(citizenId, CONTACTS_SHOWN),
                tasks.openOfCitizen(citizenId), referralLines);
    }
}
