package dk.fsc.invoicing.internal;

import dk.fsc.shared.Cvr;
import dk.fsc.shared.Gtin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * FSC as the supplier on every invoice and credit note (OIOUBL, Peppol BIS, PDF), from
 * {@code fsc.invoicing.supplier.*}: a new address or bank account is a change of configuration,
 * not of code. Checked at start-up, so the platform never sends invoices with a CVR number that
 * fails modulus 11 or an EAN number without its GS1 check digit.
 *
 * @param gln              FSC's EAN/GLN number, its electronic address (Peppol endpoint) as a sender
 * @param bankRegistration the bank's registration number (4 digits) of the account payers pay to
 * @param paymentDays      days from the issue to the due date
 */
@ConfigurationProperties("fsc.invoicing.supplier")
record Supplier(String name, String cvr, String gln, String street, String buildingNumber, String postalZone,
        String city, String bankRegistration, String bankAccount, @DefaultValue("30") int paymentDays) {

    Supplier {
        for (String[] setting : new String[][] { { "name", name }, { "street", street },
                { "building-number", buildingNumber }, { "postal-zone", postalZone }, { "city", city },
                { "bank-account", bankAccount } }) {
            if (setting[1] == null || setting[1].isBlank()) {
                throw new IllegalArgumentException("fsc.invoicing.supplier." + setting[0] + " is not set");
            }
        }
        if (cvr == null || !Cvr.isValid(cvr)) {
            throw new IllegalArgumentException("fsc.invoicing.supplier.cvr is not a CVR number");
        }
        if (gln == null || gln.length() != 13 || !Gtin.isValid(gln)) {
            throw new IllegalArgumentException("fsc.invoicing.supplier.gln is not 13 digits with a GS1 check digit");
        }
        if (bankRegistration == null || !bankRegistration.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("fsc.invoicing.supplier.bank-registration is not 4 digits");
        }
        if (paymentDays < 0) {
            throw new IllegalArgumentException("fsc.invoicing.supplier.payment-days is negative");
        }
    }
}
