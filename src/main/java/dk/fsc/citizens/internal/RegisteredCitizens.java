package dk.fsc.citizens.internal;

import java.util.Optional;
import java.util.UUID;

import dk.fsc.identity.CitizenRegister;
import dk.fsc.shared.Cpr;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers identity's questions about the register: is a citizen registered, whose is a CPR number. */
@Service
@Transactional(readOnly = true)
class RegisteredCitizens implements CitizenRegister {

    private final CitizenRepository repository;
    private final CprVault vault;

    RegisteredCitizens(CitizenRepository repository, CprVault vault) {
        this.repository = repository;
        this.vault = vault;
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
