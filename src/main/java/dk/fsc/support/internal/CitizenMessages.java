package dk.fsc.support.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.Citizens;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.Payer;
import dk.fsc.shared.DanishWorkingDays;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.support.ContactRegistered;
import dk.fsc.support.ContactTopic;
import dk.fsc.support.internal.ContactRepository.Attachment;
import dk.fsc.support.internal.ContactRepository.Channel;
import dk.fsc.support.internal.ContactRepository.ComplaintState;
import dk.fsc.support.internal.ContactRepository.Contact;
import dk.fsc.support.internal.ContactRepository.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's own way in: a message with a topic, text and an optional attachment becomes a
 * web-form contact in the agents' queue; the citizen sees her messages and their answers, never
 * the internal notes.
 */
@Service
class CitizenMessages {

    static final int MAX_ATTACHMENT = 5 * 1024 * 1024;

    /** What the citizen sees of a contact: no notes, no outcome, no billing. */
    /**
     * A contact as the citizen sees it: what she wrote and the answer, never the internal notes;
     * {@code waiting} while her message is not answered yet.
     */
    record OwnContact(UUID id, ContactTopic topic, Channel channel, @Nullable String message, Instant registeredAt,
            @Nullable String answer, @Nullable Instant answeredAt, @Nullable String attachmentName, boolean waiting) {
    }

    /** An uploaded file as the browser declared it. */
    record Upload(String fileName, @Nullable String contentType, byte[] content) {
    }

    private final ContactRepository contacts;
    private final Citizens citizens;
    private final CurrentUsers currentUsers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CitizenMessages(ContactRepository contacts, Citizens citizens, CurrentUsers currentUsers,
            ApplicationEventPublisher events, Clock clock) {
        this.contacts = contacts;
        this.citizens = citizens;
        this.currentUsers = currentUsers;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('CITIZEN')")
    public OwnContact write(@Nullable String topic, @Nullable String text, @Nullable Upload upload) {
        CurrentUser user = currentUsers.require();
        List<FieldError> errors = new ArrayList<>();
        ContactTopic chosen = ContactDesk.choice("topic", topic, ContactTopic.class, errors);
        String message = ContactDesk.text("message", text, true, errors);
        Attachment attachment = upload == null ? null : attachment(upload, errors);
        ContactDesk.check(errors);
        CitizenView citizen = citizens.find(user.citizenId() == null ? new UUID(0, 0) : user.citizenId(),
                "contact.register").orElseThrow(() -> new NotFoundException("No such citizen."));
        Instant now = clock.instant();
        Payer payer = Payer.municipality(new MunicipalityCode(citizen.municipalityCode()));
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        boolean complaint = chosen == ContactTopic.COMPLAINT;
        Contact contact = new Contact(UUID.randomUUID(), 1, citizen.id(), citizen.municipalityCode(), payer,
                Channel.WEB_FORM, chosen, "", 0, "", Status.OPEN, today, now, user.username(), message, null, null,
                complaint ? ComplaintState.RECEIVED : null,
                complaint ? DanishWorkingDays.after(today, contacts.complaintAnswerDays()) : null, null);
        contacts.insert(contact);
        if (attachment != null) {
            contacts.attach(contact.id(), attachment);
        }
        events.publishEvent(new ContactRegistered(contact.id(), 1, new CitizenId(citizen.id()), payer, chosen,
                Channel.WEB_FORM.name(), 0, today, now, user.username()));
        return own(contact);
    }

    /** The calling citizen's contacts and answers, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CITIZEN')")
    public List<OwnContact> mine() {
        UUID citizenId = currentUsers.require().citizenId();
        return citizenId == null ? List.of() : contacts.ofCitizen(citizenId, 100).stream().map(CitizenMessages::own).toList();
    }

    /**
     * The attachment, if its name, the declared type and its first bytes agree: a PDF, PNG or JPEG
     * of at most 5 MB.
     */
    static @Nullable Attachment attachment(Upload upload, List<FieldError> errors) {
        if (upload.content().length > MAX_ATTACHMENT) {
            errors.add(FieldError.of("attachment", "support.error.attachmentSize", 5));
            return null;
        }
        String name = upload.fileName().strip();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String byName = switch (extension) {
            case "pdf" -> "application/pdf";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            default -> "";
        };
        byte[] content = upload.content();
        String byContent = startsWith(content, '%', 'P', 'D', 'F', '-') ? "application/pdf"
                : startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A) ? "image/png"
                : startsWith(content, 0xFF, 0xD8, 0xFF) ? "image/jpeg" : "";
        if (byName.isEmpty() || !byName.equals(byContent) || !byName.equals(upload.contentType())
                || name.length() > 200) {
            errors.add(FieldError.of("attachment", "support.error.attachmentType"));
            return null;
        }
        return new Attachment(name, byName, content);
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        byte[] head = Arrays.copyOf(content, magic.length);
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static OwnContact own(Contact contact) {
        return new OwnContact(contact.id(), contact.topic(), contact.channel(), contact.message(),
                contact.registeredAt(), contact.answer(), contact.answeredAt(), contact.attachmentName(),
                contact.status() == Status.OPEN);
    }
}
