package dk.fsc.support.internal;

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
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.Payer;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.DanishWorkingDays;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.support.ContactRegistered;
import dk.fsc.support.ContactTopic;
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
 * The service center registers and corrects contacts, answers the citizens' web-form messages
 * and takes complaints through their flow. Every saved revision publishes
 * {@link ContactRegistered} in the same transaction; every change about a citizen is audited.
 */
@Service
class ContactDesk {

    static final String DESK = "hasAnyRole('FSC_AGENT', 'FSC_ADMIN')";
    static final String NO_CONTACT = "No contact with this id.";
    static final int MAX_MINUTES = 8 * 60;
    static final int MAX_TEXT = 4000;

    private final ContactRepository contacts;
    private final Citizens citizens;
    private final ReferenceData reference;
    private final CurrentUsers currentUsers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContactDesk(ContactRepository contacts, Citizens citizens, ReferenceData reference, CurrentUsers currentUsers,
            ApplicationEventPublisher events, Clock clock) {
        this.contacts = contacts;
        this.citizens = citizens;
        this.reference = reference;
        this.currentUsers = currentUsers;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What the agent typed. {@code billing} is {@code MUNICIPALITY} (the citizen's; the default) or
     * {@code REGION} (telehealth support where the region's agreement says so);
     * {@code billedMunicipality} names the payer when the caller is not identified.
     */
    record Command(@Nullable UUID citizenId, @Nullable String channel, @Nullable String topic, @Nullable String notes,
            @Nullable Integer minutes, @Nullable String outcome, @Nullable String billing,
            @Nullable String billedMunicipality) {
    }

    @Transactional
    @PreAuthorize(DESK)
    public Contact register(Command command) {
        List<FieldError> errors = new ArrayList<>();
        CitizenView citizen = citizen(command.citizenId(), "contact.register", errors);
        Valid valid = validate(command, citizen, errors);
        Instant now = clock.instant();
        Contact contact = new Contact(UUID.randomUUID(), 1, citizen == null ? null : citizen.id(),
                citizen == null ? null : citizen.municipalityCode(), valid.billedTo(), valid.channel(), valid.topic(),
                valid.notes(), valid.minutes(), valid.outcome(), Status.DONE, today(), now,
                currentUsers.require().username(), null, null, null,
                valid.topic() == ContactTopic.COMPLAINT ? ComplaintState.RECEIVED : null,
                valid.topic() == ContactTopic.COMPLAINT ? complaintDue() : null, null);
        contacts.insert(contact);
        publish(contact, now);
        return contact;
    }

    /** A correction: the same contact with revision one higher, published again. */
    @Transactional
    @PreAuthorize(DESK)
    public Contact correct(UUID contactId, Command command) {
        Contact stored = contacts.find(contactId, true).orElseThrow(() -> new NotFoundException(NO_CONTACT));
        List<FieldError> errors = new ArrayList<>();
        CitizenView citizen = citizen(stored.citizenId(), "contact.correct", new ArrayList<>());
        Valid valid = validate(command, citizen, errors);
        boolean becomesComplaint = valid.topic() == ContactTopic.COMPLAINT && stored.complaintState() == null;
        Contact corrected = new Contact(stored.id(), stored.revision() + 1, stored.citizenId(),
                stored.municipalityCode(), valid.billedTo(), valid.channel(), valid.topic(), valid.notes(),
                valid.minutes(), valid.outcome(), stored.status(), stored.contactDate(), stored.registeredAt(),
                stored.registeredBy(), stored.message(), stored.answer(), stored.answeredAt(),
                becomesComplaint ? ComplaintState.RECEIVED : stored.complaintState(),
                becomesComplaint ? complaintDue() : stored.complaintDue(), stored.attachmentName());
        contacts.update(corrected);
        publish(corrected, clock.instant());
        return corrected;
    }

    /**
     * The answer the citizen sees on their page, with the minutes it took; closes the web-form
     * message (and answers a complaint). A revision, published again.
     */
    @Transactional
    @PreAuthorize(DESK)
    public Contact answer(UUID contactId, @Nullable String answer, @Nullable Integer minutes) {
        Contact stored = contacts.find(contactId, true).orElseThrow(() -> new NotFoundException(NO_CONTACT));
        List<FieldError> errors = new ArrayList<>();
        String text = text("answer", answer, true, errors);
        int spent = minutes("minutes", minutes, errors);
        check(errors);
        if (stored.citizenId() == null) {
            throw refused("answer", "support.error.noCitizenToAnswer");
        }
        citizen(stored.citizenId(), "contact.answer", new ArrayList<>());
        Instant now = clock.instant();
        Contact answered = new Contact(stored.id(), stored.revision() + 1, stored.citizenId(),
                stored.municipalityCode(), stored.billedTo(), stored.channel(), stored.topic(), stored.notes(),
                Math.min(MAX_MINUTES, stored.minutes() + spent), stored.outcome(), Status.DONE, stored.contactDate(),
                stored.registeredAt(), stored.registeredBy(), stored.message(), text, now,
                stored.complaintState() == ComplaintState.RECEIVED ? ComplaintState.ANSWERED : stored.complaintState(),
                stored.complaintDue(), stored.attachmentName());
        contacts.update(answered);
        publish(answered, now);
        return answered;
    }

    /** The last step of a complaint's flow; only an answered complaint is closed. Minutes do not change: no revision. */
    @Transactional
    @PreAuthorize(DESK)
    public void closeComplaint(UUID contactId) {
        Contact stored = contacts.find(contactId, true).orElseThrow(() -> new NotFoundException(NO_CONTACT));
        if (stored.complaintState() != ComplaintState.ANSWERED) {
            throw refused("complaint", "support.error.complaintNotAnswered");
        }
        contacts.closeComplaint(contactId);
    }

    /** A contact the caller may see (service center; the caseworker of the citizen's municipality), else 404. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FSC_AGENT', 'FSC_ADMIN', 'MUNICIPAL_CASEWORKER')")
    public Contact find(UUID contactId) {
        CurrentUser user = currentUsers.require();
        return contacts.find(contactId, false).filter(found -> SupportAccess.maySee(user, found.municipalityCode()))
                .orElseThrow(() -> new NotFoundException(NO_CONTACT));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(DESK)
    public List<Contact> openWebForms() {
        return contacts.openWebForms(100);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(DESK)
    public List<Contact> openComplaints() {
        return contacts.openComplaints(100);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
    }

    /**
     * The day a complaint received today must be answered by: the settings' number of Danish working
     * days later (weekends and public holidays not counted).
     */
    LocalDate complaintDue() {
        return DanishWorkingDays.after(today(), contacts.complaintAnswerDays());
    }

    private record Valid(Channel channel, ContactTopic topic, String notes, int minutes, String outcome,
            Payer billedTo) {
    }

    private Valid validate(Command command, @Nullable CitizenView citizen, List<FieldError> errors) {
        Channel channel = choice("channel", command.channel(), Channel.class, errors);
        ContactTopic topic = choice("topic", command.topic(), ContactTopic.class, errors);
        String notes = text("notes", command.notes(), false, errors);
        String outcome = text("outcome", command.outcome(), false, errors);
        int minutes = minutes("minutes", command.minutes(), errors);
        Payer billedTo = billedTo(command, citizen, topic, errors);
        check(errors);
        return new Valid(channel, topic, notes, minutes, outcome, billedTo);
    }

    /**
     * The citizen's municipality; the region when the agent chose it for telehealth support
     * (device or alarm) and the region has that agreement; without a citizen a municipality the
     * caller may see.
     */
    private @Nullable Payer billedTo(Command command, @Nullable CitizenView citizen, @Nullable ContactTopic topic,
            List<FieldError> errors) {
        boolean region = "REGION".equals(command.billing());
        if (command.billing() != null && !command.billing().isBlank() && !region
                && !"MUNICIPALITY".equals(command.billing())) {
            errors.add(FieldError.of("billing", "support.error.choice"));
            return null;
        }
        String municipalityCode = citizen != null ? citizen.municipalityCode() : command.billedMunicipality();
        if (municipalityCode == null || municipalityCode.isBlank()) {
            errors.add(FieldError.of("billedMunicipality", "support.error.billedMunicipality"));
            return null;
        }
        Optional<Municipality> municipality = parse(municipalityCode).flatMap(reference::municipality)
                .filter(found -> citizen != null || mayBill(found.code()));
        if (municipality.isEmpty()) {
            errors.add(FieldError.of("billedMunicipality", "support.error.billedMunicipality"));
            return null;
        }
        if (!region) {
            return Payer.municipality(new MunicipalityCode(municipality.get().code()));
        }
        if ((topic != ContactTopic.DEVICE && topic != ContactTopic.ALARM)
                || !contacts.telehealthAgreement(municipality.get().regionCode())) {
            errors.add(FieldError.of("billing", "support.error.regionNotAgreed"));
            return null;
        }
        return Payer.region(municipality.get().regionCode());
    }

    private boolean mayBill(String municipalityCode) {
        CurrentUser user = currentUsers.require();
        return SupportAccess.isDesk(user) || municipalityCode.equals(user.municipalityCode());
    }

    private static Optional<MunicipalityCode> parse(String code) {
        try {
            return Optional.of(MunicipalityCode.parse("billedMunicipality", code));
        } catch (InvalidInputException notACode) {
            return Optional.empty();
        }
    }

    private @Nullable CitizenView citizen(@Nullable UUID citizenId, String action, List<FieldError> errors) {
        if (citizenId == null) {
            return null;
        }
        Optional<CitizenView> found = citizens.find(citizenId, action);
        if (found.isEmpty()) {
            errors.add(FieldError.of("citizenId", "support.error.citizen"));
        }
        return found.orElse(null);
    }

    private void publish(Contact contact, Instant at) {
        events.publishEvent(new ContactRegistered(contact.id(), contact.revision(),
                contact.citizenId() == null ? null : new CitizenId(contact.citizenId()), contact.billedTo(),
                contact.topic(), contact.channel().name(), contact.minutes(), contact.contactDate(), at,
                currentUsers.current().map(CurrentUser::username).orElse(contact.registeredBy())));
    }

    static <E extends Enum<E>> @Nullable E choice(String field, @Nullable String value, Class<E> type,
            List<FieldError> errors) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException unknown) {
            errors.add(FieldError.of(field, "support.error.choice"));
            return null;
        }
    }

    static String text(String field, @Nullable String value, boolean required, List<FieldError> errors) {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            errors.add(FieldError.of(field, "support.error.required"));
        } else if (text.length() > MAX_TEXT) {
            errors.add(FieldError.of(field, "support.error.tooLong", MAX_TEXT));
        }
        return text;
    }

    static int minutes(String field, @Nullable Integer minutes, List<FieldError> errors) {
        if (minutes == null || minutes < 0 || minutes > MAX_MINUTES) {
            errors.add(FieldError.of(field, "support.error.minutes", MAX_MINUTES));
            return 0;
        }
        return minutes;
    }

    static InvalidInputException refused(String field, String key, Object... arguments) {
        return new InvalidInputException("Refused: " + key, List.of(FieldError.of(field, key, arguments)));
    }

    static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The contact is not valid.", errors);
        }
    }
}
