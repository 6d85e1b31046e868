package dk.fsc.citizens.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.UUID;

import dk.fsc.citizens.CitizenView;
import dk.fsc.identity.CitizenChoice;
import dk.fsc.identity.CitizenRegister;
import dk.fsc.shared.Cpr;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.web.PageQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers identity's questions about the register: is a citizen registered, whose is a CPR
 * number, and who may the administrator bind a login to (through {@link FindCitizens}: scoped
 * and audited).
 */
@Service
@Transactional(readOnly = true)
class RegisteredCitizens implements CitizenRegister {

    private static final Pattern CPR_TYPED = Pattern.compile("[0-9]{6}[- ]?[0-9]{4}");
    private static final int CHOICES = 20;

    private final CitizenRepository repository;
    private final CprVault vault;
    private final FindCitizens findCitizens;

    RegisteredCitizens(CitizenRepository repository, CprVault vault, FindCitizens findCitizens) {
        this.repository = repository;
        this.vault = vault;
        this.findCitizens = findCitizens;
    }

    @Override
    @Transactional
    public List<CitizenChoice> choices(String nameOrCpr) {
        String typed = nameOrCpr.strip();
        boolean cpr = CPR_TYPED.matcher(typed).matches();
        try {
            return findCitizens.search(new FindCitizens.Query(cpr ? typed : null, cpr ? null : typed, null),
                    new PageQuery(0, CHOICES)).items().stream().map(RegisteredCitizens::choice).toList();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.getMessage(), e.errors().stream()
                    .filter(error -> error.field().equals(cpr ? "cpr" : "name"))
                    .map(error -> new FieldError("query", error.message(), error.arguments())).toList());
        }
    }

    @Override
    @Transactional
    public Optional<CitizenChoice> choice(UUID citizenId) {
        return findCitizens.find(citizenId).map(RegisteredCitizens::choice);
    }

    private static CitizenChoice choice(CitizenView citizen) {
        return new CitizenChoice(citizen.id(), citizen.name(), citizen.municipalityName());
    }

    @Override
    public boolean isRegistered(UUID citizenId) {
        return repository.exists(citizenId);
    }

    @Override
    public Optional<UUID> citizenWithCpr(Cpr cpr) {
        return repository.idWithCprHash(vault.hash(cpr));
    }
}
