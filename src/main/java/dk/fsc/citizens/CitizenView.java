package dk.fsc.citizens;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A citizen as the caller may see them.
 *
 * @param cpr          {@code DDMMYY-XXXX}: in full only for roles that need it, else masked
 * @param cprMasked    whether {@code cpr} is masked
 */
public record CitizenView(UUID id, String cpr, boolean cprMasked, String name, Address address,
        String municipalityCode, @Nullable String municipalityName, @Nullable String phone, @Nullable String email) {

    public record Address(String street, String postalCode, String city) {
    }

    /** One address the citizen has had, from {@code validFrom}. */
    public record AddressPeriod(String street, String postalCode, String city, String municipalityCode,
            LocalDate validFrom) {
    }
}
