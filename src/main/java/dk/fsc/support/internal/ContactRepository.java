package dk.fsc.support.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.reference.Payer;
import dk.fsc.support.ContactTopic;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contacts, their attachments and the settings that shape them ({@code support.contact}). */
@Repository
class ContactRepository {

    enum Channel {
        PHONE_IN, PHONE_OUT, EMAIL, WEB_FORM, LETTER
    }

    enum Status {
        OPEN, DONE
    }

    enum ComplaintState {
        RECEIVED, ANSWERED, CLOSED
    }

    /**
     * A contact as stored. {@code municipalityCode} is the citizen's municipality when the contact
     * was made (who may see it); {@code message} and {@code answer} are what the citizen sees.
     */
    record Contact(UUID id, int revision, @Nullable UUID citizenId, @Nullable String municipalityCode, Payer billedTo,
            Channel channel, ContactTopic topic, String notes, int minutes, String outcome, Status status,
            LocalDate contactDate, Instant registeredAt, String registeredBy, @Nullable String message,
            @Nullable String answer, @Nullable Instant answeredAt, @Nullable ComplaintState complaintState,
            @Nullable LocalDate complaintDue, @Nullable String attachmentName) {

        public boolean complaintOverdue(LocalDate today) {
            return complaintState == ComplaintState.RECEIVED && complaintDue != null && complaintDue.isBefore(today);
        }
    }

    record Attachment(String fileName, String contentType, byte[] content) {
    }

    private static final String COLUMNS = "c.id, c.revision, c.citizen_id, c.municipality_code, c.billed_kind,"
            + " c.billed_code, c.channel, c.topic, c.notes, c.minutes, c.outcome, c.status, c.contact_date,"
            + " c.registered_at, c.registered_by, c.message, c.answer, c.answered_at, c.complaint_state,"
            + " c.complaint_due, a.file_name";

    private static final String FROM = " from support.contact c left join support.attachment a on a.contact_id = c.id";

    private final JdbcClient jdbc;

    ContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Contact contact) {
        jdbc.sql("insert into support.contact (id, revision, citizen_id, municipality_code, billed_kind, billed_code,"
                + " channel, topic, notes, minutes, outcome, status, contact_date, registered_at, registered_by, message,"
                + " complaint_state, complaint_due) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(contact.id(), contact.revision(), contact.citizenId(), contact.municipalityCode(),
                        contact.billedTo().kind().name(), contact.billedTo().code(), contact.channel().name(),
                        contact.topic().name(), contact.notes(), contact.minutes(), contact.outcome(),
                        contact.status().name(), contact.contactDate(), Timestamp.from(contact.registeredAt()),
                        contact.registeredBy(), contact.message(), name(contact.complaintState()), contact.complaintDue())
                .update();
    }

    /** Writes a correction or an answer: everything that may change, with the revision one higher. */
    void update(Contact contact) {
        jdbc.sql("update support.contact set revision = ?, billed_kind = ?, billed_code = ?, channel = ?, topic = ?,"
                + " notes = ?, minutes = ?, outcome = ?, status = ?, answer = ?, answered_at = ?, complaint_state = ?,"
                + " complaint_due = ? where id = ? and revision = ?")
                .params(contact.revision(), contact.billedTo().kind().name(), contact.billedTo().code(),
                        contact.channel().name(), contact.topic().name(), contact.notes(), contact.minutes(),
                        contact.outcome(), contact.status().name(), contact.answer(),
                        contact.answeredAt() == null ? null : Timestamp.from(contact.answeredAt()),
                        name(contact.complaintState()), contact.complaintDue(), contact.id(), contact.revision() - 1)
                .update();
    }

    void closeComplaint(UUID contactId) {
        jdbc.sql("update support.contact set complaint_state = 'CLOSED' where id = ?").param(contactId).update();
    }

    void attach(UUID contactId, Attachment attachment) {
        jdbc.sql("insert into support.attachment (contact_id, file_name, content_type, content) values (?, ?, ?, ?)")
                .params(contactId, attachment.fileName(), attachment.contentType(), attachment.content()).update();
    }

    Optional<Attachment> attachment(UUID contactId) {
        return jdbc.sql("select file_name, content_type, content from support.attachment where contact_id = ?")
                .param(contactId)
                .query((rs, row) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /** The contact, locked for a change when {@code forUpdate}. */
    Optional<Contact> find(UUID id, boolean forUpdate) {
        return jdbc.sql("select " + COLUMNS + FROM + " where c.id = ?" + (forUpdate ? " for update of c" : ""))
                .param(id).query(ContactRepository::contact).optional();
    }

    /** The citizen's contacts, newest first. */
    List<Contact> ofCitizen(UUID citizenId, int limit) {
        return jdbc.sql("select " + COLUMNS + FROM + " where c.citizen_id = ? order by c.registered_at desc limit ?")
                .params(citizenId, limit).query(ContactRepository::contact).list();
    }

    /** Web-form messages no one has answered yet, oldest first. */
    List<Contact> openWebForms(int limit) {
        return jdbc.sql("select " + COLUMNS + FROM + " where c.status = 'OPEN' and c.channel = 'WEB_FORM'"
                + " order by c.registered_at limit ?").param(limit).query(ContactRepository::contact).list();
    }

    /** Complaints not closed yet, the earliest due first. */
    List<Contact> openComplaints(int limit) {
        return jdbc.sql("select " + COLUMNS + FROM + " where c.complaint_state in ('RECEIVED', 'ANSWERED')"
                + " order by c.complaint_due, c.registered_at limit ?").param(limit).query(ContactRepository::contact)
                .list();
    }

    boolean telehealthAgreement(String regionCode) {
        return jdbc.sql("select count(*) from support.telehealth_agreement where region_code = ?").param(regionCode)
                .query(Long.class).single() > 0;
    }

    int complaintAnswerDays() {
        return jdbc.sql("select complaint_answer_days from support.settings").query(Integer.class).single();
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Contact contact(ResultSet rs, int row) throws SQLException {
        Timestamp answeredAt = rs.getTimestamp("answered_at");
        String complaint = rs.getString("complaint_state");
        return new Contact(rs.getObject("id", UUID.class), rs.getInt("revision"),
                rs.getObject("citizen_id", UUID.class), rs.getString("municipality_code"),
                new Payer(Payer.Kind.valueOf(rs.getString("billed_kind")), rs.getString("billed_code")),
                Channel.valueOf(rs.getString("channel")), ContactTopic.valueOf(rs.getString("topic")),
                rs.getString("notes"), rs.getInt("minutes"), rs.getString("outcome"),
                Status.valueOf(rs.getString("status")), rs.getObject("contact_date", LocalDate.class),
                rs.getTimestamp("registered_at").toInstant(), rs.getString("registered_by"), rs.getString("message"),
                rs.getString("answer"), answeredAt == null ? null : answeredAt.toInstant(),
                complaint == null ? null : ComplaintState.valueOf(complaint),
                rs.getObject("complaint_due", LocalDate.class), rs.getString("file_name"));
    }
}
