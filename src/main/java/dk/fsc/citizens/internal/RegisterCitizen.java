package dk.fsc.citizens.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.fsc.citizens.CitizenView;
import dk.fsc.identity.AuditLog;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.Cpr;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a citizen: all fields valid, the CPR not registered before, and a caseworker
 * only in their own municipality. The citizen, their first address and the audit record
 * commit together or not at all.
 */
@Service
class RegisterCitizen {

    private final CitizenRepository repository;
    private final CitizenViews views;
    private final CprVault vault;
    private final ReferenceData reference;
    private final CurrentUsers currentUsers;
    private final AuditLog auditLog;
    private final Clock clock;

    RegisterCitizen(CitizenRepository repository, CitizenViews views, CprVault vault, ReferenceData reference,
            CurrentUsers currentUsers, AuditLog auditLog, Clock clock) {
        this.repository = repository;
        this.views = views;
        this.vault = vault;
        this.reference = reference;
        this.currentUsers = currentUsers;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    record Command(@Nullable String cpr, @Nullable String name, @Nullable String street, @Nullable String postalCode,
            @Nullable String city, @Nullable String municipalityCode, @Nullable String phone, @Nullable String email) {
    }

    /** The caller's municipality by name, for the reason they may not register a citizen elsewhere. */
    private String ownMunicipality(CurrentUser user) {
        String code = String.valueOf(user.municipalityCode());
        return reference.municipalities().stream().filter(municipality -> municipality.code().equals(code))
                .map(Municipality::name).findFirst().orElse(code);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('FSC_ADMIN', 'FSC_AGENT', 'MUNICIPAL_CASEWORKER')")
    public CitizenView register(Command command) {
        CurrentUser user = currentUsers.require();
        List<FieldError> errors = new ArrayList<>();
        Cpr cpr = CitizenInput.cpr(command.cpr(), errors);
        String name = CitizenInput.text("name", command.name(), 200, errors);
        String street = CitizenInput.text("address.street", command.street(), 200, errors);
        String postalCode = CitizenInput.postalCode("address.postalCode", command.postalCode(), errors);
        String city = CitizenInput.text("address.city", command.city(), 100, errors);
        String municipality = CitizenInput.municipality(command.municipalityCode(), reference, errors);
        if (municipality != null && !CitizenAccess.mayRegisterIn(user, municipality)) {
            errors.add(FieldError.of("municipalityCode", "citizens.error.ownMunicipality",
                    ownMunicipality(user)));
        }
        String phone = CitizenInput.phone(command.phone(), errors);
        String email = CitizenInput.email(command.email(), errors);
        CitizenInput.check(errors);

        byte[] cprHash = vault.hash(cpr);
        Citizen citizen = new Citizen(UUID.randomUUID(), vault.encrypt(cpr), name, street, postalCode, city,
                municipality, phone, email);
        if (repository.idWithCprHash(cprHash).isPresent()
                || !repository.insert(citizen, cprHash, LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME)),
                        clock.instant(), user.username())) {
            throw new ConflictException("A citizen with this CPR number is already registered.",
                    List.of(FieldError.of("cpr", "citizens.error.cprTaken")));
        }
        auditLog.record(citizen.id(), "citizen.create");
        return views.of(citizen, user);
    }
}
