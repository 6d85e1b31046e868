package dk.fsc.citizens.internal;

import dk.fsc.citizens.CitizenView;
import dk.fsc.identity.CurrentUser;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.Cpr;
import org.springframework.stereotype.Component;

/** Shows a stored citizen to a caller: the CPR in full or masked, the municipality by name. */
@Component
class CitizenViews {

    private final CprVault vault;
    private final ReferenceData reference;

    CitizenViews(CprVault vault, ReferenceData reference) {
        this.vault = vault;
        this.reference = reference;
    }

    CitizenView of(Citizen citizen, CurrentUser viewer) {
        Cpr cpr = vault.decrypt(citizen.cprEncrypted());
        boolean full = CitizenAccess.seesFullCpr(viewer, citizen);
        return new CitizenView(citizen.id(), full ? cpr.formatted() : cpr.masked(), !full, citizen.name(),
                new CitizenView.Address(citizen.street(), citizen.postalCode(), citizen.city()),
                citizen.municipalityCode(), municipalityName(citizen.municipalityCode()), citizen.phone(),
                citizen.email());
    }

    String municipalityName(String code) {
        return reference.municipality(new MunicipalityCode(code)).map(Municipality::name).orElse(code);
    }
}
