package dk.fsc.reference;

import java.util.Comparator;

/**
 * Who pays an invoice: a municipality (by its three-digit code) or a region (by its four-digit
 * code). Billable events name their payer with this, so invoicing needs no other module's tables.
 */
public record Payer(Kind kind, String code) {

    /** The order in which a largest-remainder tie is broken: municipalities by code, then regions by code. */
    public static final Comparator<Payer> TIE_ORDER = Comparator.comparing(Payer::kind).thenComparing(Payer::code);

    public enum Kind {
        MUNICIPALITY,
        REGION
    }

    public Payer {
        if (kind == Kind.MUNICIPALITY) {
            new MunicipalityCode(code);
        } else if (!code.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("Not a region code: " + code);
        }
    }

    public static Payer municipality(MunicipalityCode code) {
        return new Payer(Kind.MUNICIPALITY, code.value());
    }

    public static Payer region(String regionCode) {
        return new Payer(Kind.REGION, regionCode);
    }
}
