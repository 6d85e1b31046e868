package dk.fsc.invoicing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dk.fsc.reference.Municipality;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.Payer;
import dk.fsc.reference.ReferenceData;
import dk.fsc.reference.Region;
import dk.fsc.shared.Gtin;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where each payer's invoices go: the EAN/GLN number (13 digits, GS1 check digit) of the
 * municipality or region, master data of invoicing. The payers themselves are the reference
 * module's municipalities and regions.
 */
@Component
class PayerAccounts {

    private final JdbcClient jdbc;
    private final ReferenceData reference;

    PayerAccounts(JdbcClient jdbc, ReferenceData reference) {
        this.jdbc = jdbc;
        this.reference = reference;
    }

    record Account(Payer payer, String name, @Nullable String gln) {
    }

    Optional<String> gln(Payer payer) {
        return jdbc.sql("select gln from invoicing.payer_account where payer_kind = ? and payer_code = ?"
                + " and gln is not null")
                .params(payer.kind().name(), payer.code()).query(String.class).optional();
    }

    /** The payer's name; its code when the reference data does not know it. */
    String name(Payer payer) {
        return knownName(payer).orElse(payer.code());
    }

    Optional<String> knownName(Payer payer) {
        return payer.kind() == Payer.Kind.MUNICIPALITY
                ? reference.municipality(new MunicipalityCode(payer.code())).map(Municipality::name)
                : reference.regions().stream().filter(region -> region.code().equals(payer.code())).map(Region::name)
                        .findFirst();
    }

    /** Every region and municipality with its number, regions first. */
    List<Account> all() {
        List<Payer> payers = new ArrayList<>();
        reference.regions().forEach(region -> payers.add(Payer.region(region.code())));
        reference.municipalities().forEach(m -> payers.add(Payer.municipality(new MunicipalityCode(m.code()))));
        return payers.stream().map(payer -> new Account(payer, name(payer), gln(payer).orElse(null))).toList();
    }

    /** Sets a payer's number; a number without a valid GS1 check digit is refused. */
    Account set(Payer payer, @Nullable String gln) {
        if (knownName(payer).isEmpty()) {
            throw new NotFoundException("There is no payer " + payer.kind() + " " + payer.code() + ".");
        }
        if (gln == null || !gln.strip().matches("[0-9]{13}") || !Gtin.isValid(gln.strip())) {
            throw new InvalidInputException("The EAN number is not 13 digits with a GS1 check digit.",
                    List.of(FieldError.of("gln", "invoicing.error.gln")));
        }
        jdbc.sql("insert into invoicing.payer_account (payer_kind, payer_code, gln) values (?, ?, ?)"
                + " on conflict (payer_kind, payer_code) do update set gln = excluded.gln")
                .params(payer.kind().name(), payer.code(), gln.strip()).update();
        return new Account(payer, name(payer), gln.strip());
    }
}
