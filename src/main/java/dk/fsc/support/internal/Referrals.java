package dk.fsc.support.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.Citizens;
import dk.fsc.identity.AuditLog;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.identity.UserNames;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.Payer;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.support.ContactRegistered;
import dk.fsc.support.ContactTopic;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Health questions referred to an impartial stoma nurse: the directory of nurses (users with the
 * NURSE role; bound to a municipality, or only to a region for the region's nurses), the referral,
 * the nurse's list of her municipality's (or region's) referrals, her minutes and closing note.
 * The nurse's call to the citizen is a contact with its minutes like the agents': closing publishes
 * {@link ContactRegistered} with the referral's id, billed to the citizen's municipality.
 */
@Service
class Referrals {

    static final String NO_REFERRAL = "No referral with this id.";

    record Referral(UUID id, UUID contactId, UUID citizenId, String municipalityCode, String nurse, String scopeKind,
            String scopeCode, String question, Instant createdAt, String createdBy, @Nullable Integer minutes,
            @Nullable String note, @Nullable Instant closedAt) {
    }

    /** A nurse of the directory; {@code municipalityCode} is null for the region's nurses. */
    record Nurse(String username, String displayName, @Nullable String municipalityCode, String regionCode) {
    }

    private static final String COLUMNS = "id, contact_id, citizen_id, municipality_code, nurse, scope_kind,"
            + " scope_code, question, created_at, created_by, minutes, note, closed_at";

    private final JdbcClient jdbc;
    private final ContactDesk desk;
    private final Citizens citizens;
    private final ReferenceData reference;
    private final UserNames userNames;
    private final AuditLog auditLog;
    private final CurrentUsers currentUsers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Referrals(JdbcClient jdbc, ContactDesk desk, Citizens citizens, ReferenceData reference, UserNames userNames,
            AuditLog auditLog, CurrentUsers currentUsers, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.desk = desk;
        this.citizens = citizens;
        this.reference = reference;
        this.userNames = userNames;
        this.auditLog = auditLog;
        this.currentUsers = currentUsers;
        this.events = events;
        this.clock = clock;
    }

    /** The nurses a citizen of {@code municipalityCode} may be referred to: the municipality's, then the region's. */
    List<Nurse> nursesFor(String municipalityCode) {
        String region = reference.municipality(new MunicipalityCode(municipalityCode)).map(m -> m.regionCode())
                .orElse("");
        List<Nurse> nurses = new ArrayList<>();
        for (UserNames.Holder holder : userNames.withRole(Role.NURSE)) {
            if (municipalityCode.equals(holder.municipalityCode())) {
                nurses.addFirst(new Nurse(holder.username(), holder.displayName(), municipalityCode, region));
            } else if (holder.municipalityCode() == null && region.equals(holder.regionCode())) {
                nurses.add(new Nurse(holder.username(), holder.displayName(), null, region));
            }
        }
        return nurses;
    }

    /** Refers the health question of a contact about a known citizen to a nurse of the citizen's municipality or region. */
    @Transactional
    @PreAuthorize(ContactDesk.DESK)
    public Referral refer(UUID contactId, @Nullable String nurse, @Nullable String question) {
        ContactRepository.Contact contact = desk.find(contactId);
        if (contact.citizenId() == null || contact.municipalityCode() == null) {
            throw ContactDesk.refused("nurse", "support.error.referralWithoutCitizen");
        }
        List<FieldError> errors = new ArrayList<>();
        String text = ContactDesk.text("question", question, true, errors);
        if (text.length() > 2000) {
            errors.add(FieldError.of("question", "support.error.tooLong", 2000));
        }
        Optional<Nurse> chosen = nursesFor(contact.municipalityCode()).stream()
                .filter(found -> found.username().equals(nurse)).findFirst();
        if (chosen.isEmpty()) {
            errors.add(FieldError.of("nurse", "support.error.nurse"));
        }
        ContactDesk.check(errors);
        CitizenView citizen = citizens.find(contact.citizenId(), "referral.create")
                .orElseThrow(() -> new NotFoundException(ContactDesk.NO_CONTACT));
        Nurse to = chosen.get();
        boolean municipal = to.municipalityCode() != null;
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into support.referral (id, contact_id, citizen_id, municipality_code, nurse, scope_kind,"
                + " scope_code, question, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, contactId, citizen.id(), citizen.municipalityCode(), to.username(),
                        municipal ? "MUNICIPALITY" : "REGION", municipal ? to.municipalityCode() : to.regionCode(),
                        text, Timestamp.from(clock.instant()), currentUsers.require().username())
                .update();
        return find(id).orElseThrow();
    }

    /** The calling nurse's open referrals: her municipality's, or her region's for a region's nurse; oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('NURSE')")
    public List<Referral> openForNurse() {
        CurrentUser nurse = currentUsers.require();
        return nurse.municipalityCode() != null
                ? list("where scope_kind = 'MUNICIPALITY' and scope_code = ? and closed_at is null order by created_at",
                        nurse.municipalityCode())
                : list("where scope_kind = 'REGION' and scope_code = ? and closed_at is null order by created_at",
                        String.valueOf(nurse.regionCode()));
    }

    /** A referral in the calling nurse's scope, audited as read, else 404. */
    @Transactional
    @PreAuthorize("hasRole('NURSE')")
    public Referral forNurse(UUID referralId) {
        CurrentUser nurse = currentUsers.require();
        Referral referral = find(referralId).filter(found -> inScope(nurse, found))
                .orElseThrow(() -> new NotFoundException(NO_REFERRAL));
        auditLog.record(referral.citizenId(), "referral.read");
        return referral;
    }

    /**
     * The nurse registers the minutes of her call and closes with a note; the minutes are published as
     * the contact {@code PHONE_OUT} about a {@code HEALTH_QUESTION}, revision 1 (a closed referral is
     * never closed again).
     */
    @Transactional
    @PreAuthorize("hasRole('NURSE')")
    public Referral close(UUID referralId, @Nullable Integer minutes, @Nullable String note) {
        Referral referral = forNurse(referralId);
        List<FieldError> errors = new ArrayList<>();
        int spent = ContactDesk.minutes("minutes", minutes, errors);
        String text = ContactDesk.text("note", note, true, errors);
        ContactDesk.check(errors);
        Instant now = clock.instant();
        if (referral.closedAt() != null || jdbc.sql("update support.referral set minutes = ?, note = ?, closed_at = ?"
                + " where id = ? and closed_at is null").params(spent, text, Timestamp.from(now), referralId)
                .update() == 0) {
            throw ContactDesk.refused("note", "support.error.referralClosed");
        }
        auditLog.record(referral.citizenId(), "referral.close");
        events.publishEvent(new ContactRegistered(referralId, 1, new CitizenId(referral.citizenId()),
                Payer.municipality(new MunicipalityCode(referral.municipalityCode())), ContactTopic.HEALTH_QUESTION,
                ContactRepository.Channel.PHONE_OUT.name(), spent,
                LocalDate.ofInstant(now, TimeConfiguration.DANISH_TIME), now, currentUsers.require().username()));
        return find(referralId).orElseThrow();
    }

    /** The citizen's referrals; the caller has been found to see the citizen. */
    List<Referral> ofCitizen(UUID citizenId) {
        return list("where citizen_id = ? order by created_at desc", citizenId);
    }

    /** Whether the contact's topic is one a nurse answers. */
    static boolean referable(ContactRepository.Contact contact) {
        return contact.topic() == ContactTopic.HEALTH_QUESTION && contact.citizenId() != null;
    }

    private static boolean inScope(CurrentUser nurse, Referral referral) {
        return nurse.municipalityCode() != null
                ? referral.scopeKind().equals("MUNICIPALITY") && referral.scopeCode().equals(nurse.municipalityCode())
                : referral.scopeKind().equals("REGION") && referral.scopeCode().equals(nurse.regionCode());
    }

    private Optional<Referral> find(UUID id) {
        return list("where id = ?", id).stream().findFirst();
    }

    private List<Referral> list(String where, Object param) {
        return jdbc.sql("select " + COLUMNS + " from support.referral " + where + " limit 200").param(param)
                .query(Referrals::referral).list();
    }

    private static Referral referral(ResultSet rs, int row) throws SQLException {
        Timestamp closedAt = rs.getTimestamp("closed_at");
        return new Referral(rs.getObject("id", UUID.class), rs.getObject("contact_id", UUID.class),
                rs.getObject("citizen_id", UUID.class), rs.getString("municipality_code"), rs.getString("nurse"),
                rs.getString("scope_kind"), rs.getString("scope_code"), rs.getString("question"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getObject("minutes", Integer.class), rs.getString("note"),
                closedAt == null ? null : closedAt.toInstant());
    }
}
