package dk.fsc.invoicing.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.jspecify.annotations.Nullable;

/**
 * An invoice or credit note as a Peppol BIS Billing 3.0 document (the EN 16931 core invoice in
 * UBL 2.1), the format NemHandel moves to with BIS 4: FSC and the payer addressed by their
 * EAN/GLN numbers (scheme 0088), FSC's CVR number as its legal registration (scheme 0184, as the
 * Danish rules ask), the month as the invoice period (from the earliest late line's month on) and
 * each line's own period on it, VAT
 * category S (25 %) or E (exempt, with its reason), bank transfer (code 42) to the configured
 * account. Unlike OIOUBL, TaxExclusiveAmount is the net.
 */
final class Peppol {

    static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    static final String PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    static final String EXEMPTION_REASON = "Fritaget for moms";

    private static final String GLN = "0088";
    private static final String CVR = "0184";

    private Peppol() {
    }

    static String document(Invoices.WithLines document, List<String> lineNames, Supplier supplier, ZoneId zone) {
        Invoices.Invoice invoice = document.invoice();
        boolean credit = invoice.credits() != null;
        return UblWriter.document(credit ? "CreditNote" : "Invoice", w -> {
            w.text("CustomizationID", CUSTOMIZATION);
            w.text("ProfileID", PROFILE);
            w.text("ID", String.valueOf(invoice.number()));
            LocalDate issued = LocalDate.ofInstant(invoice.issuedAt(), zone);
            w.text("IssueDate", issued.toString());
            if (!credit) {
                w.text("DueDate", issued.plusDays(supplier.paymentDays()).toString());
            }
            w.text(credit ? "CreditNoteTypeCode" : "InvoiceTypeCode", credit ? "381" : "380");
            w.text("DocumentCurrencyCode", "DKK");
            w.text("BuyerReference", invoice.payer().code());
            LocalDate from = document.lines().stream().map(Invoices.Line::period).min(LocalDate::compareTo)
                    .filter(earliest -> earliest.isBefore(invoice.month().atDay(1))).orElse(invoice.month().atDay(1));
            period(w, from, invoice.month().atEndOfMonth());
            if (credit) {
                w.billingReference(invoice.creditedNumber());
            }
            party(w, "AccountingSupplierParty", supplier.gln(), supplier.name(),
                    supplier.street() + " " + supplier.buildingNumber(), supplier.city(), supplier.postalZone());
            w.start("PartyTaxScheme");
            w.text("CompanyID", "DK" + supplier.cvr());
            taxScheme(w);
            w.end();
            w.start("PartyLegalEntity");
            w.text("RegistrationName", supplier.name());
            w.text("CompanyID", supplier.cvr(), "schemeID", CVR);
            w.end();
            w.end();
            w.end();
            party(w, "AccountingCustomerParty", invoice.gln(), invoice.payerName(), null, null, null);
            w.start("PartyLegalEntity");
            w.text("RegistrationName", invoice.payerName());
            w.end();
            w.end();
            w.end();
            if (!credit) {
                w.start("PaymentMeans");
                w.text("PaymentMeansCode", "42");
                w.text("PaymentID", String.valueOf(invoice.number()));
                w.start("PayeeFinancialAccount");
                w.text("ID", supplier.bankAccount());
                w.start("FinancialInstitutionBranch");
                w.text("ID", supplier.bankRegistration());
                w.end();
                w.end();
                w.end();
            }
            w.start("PaymentTerms");
            w.text("Note", credit ? "Krediterer faktura " + invoice.creditedNumber()
                    : "Netto " + supplier.paymentDays() + " dage");
            w.end();
            w.taxTotal(invoice, Peppol::subtotal);
            long net = invoice.taxableOre() + invoice.exemptOre();
            w.start("LegalMonetaryTotal");
            w.amount("LineExtensionAmount", net);
            w.amount("TaxExclusiveAmount", net);
            w.amount("TaxInclusiveAmount", invoice.totalOre());
            w.amount("PayableAmount", invoice.totalOre());
            w.end();
            for (int i = 0; i < document.lines().size(); i++) {
                line(w, credit, document.lines().get(i), lineNames.get(i));
            }
        });
    }

    /** Opens a party with its electronic address, name and postal address; the caller closes it. */
    private static void party(UblWriter w, String role, String gln, String name, @Nullable String street,
            @Nullable String city, @Nullable String postalZone) throws XMLStreamException {
        w.start(role);
        w.start("Party");
        w.text("EndpointID", gln, "schemeID", GLN);
        w.start("PartyIdentification");
        w.text("ID", gln, "schemeID", GLN);
        w.end();
        w.start("PartyName");
        w.text("Name", name);
        w.end();
        w.start("PostalAddress");
        if (street != null && city != null && postalZone != null) {
            w.text("StreetName", street);
            w.text("CityName", city);
            w.text("PostalZone", postalZone);
        }
        w.start("Country");
        w.text("IdentificationCode", "DK");
        w.end();
        w.end();
    }

    private static void period(UblWriter w, LocalDate start, LocalDate end) throws XMLStreamException {
        w.start("InvoicePeriod");
        w.text("StartDate", start.toString());
        w.text("EndDate", end.toString());
        w.end();
    }

    private static void subtotal(UblWriter w, long taxableOre, long vatOre, boolean exempt) throws XMLStreamException {
        w.start("TaxSubtotal");
        w.amount("TaxableAmount", taxableOre);
        w.amount("TaxAmount", vatOre);
        w.start("TaxCategory");
        category(w, exempt);
        if (exempt) {
            w.text("TaxExemptionReason", EXEMPTION_REASON);
        }
        taxScheme(w);
        w.end();
        w.end();
    }

    private static void category(UblWriter w, boolean exempt) throws XMLStreamException {
        w.text("ID", exempt ? "E" : "S");
        w.text("Percent", exempt ? "0" : InvoiceRun.VAT_PERCENT.toPlainString());
    }

    private static void taxScheme(UblWriter w) throws XMLStreamException {
        w.start("TaxScheme");
        w.text("ID", "VAT");
        w.end();
    }

    private static void line(UblWriter w, boolean credit, Invoices.Line line, String name) throws XMLStreamException {
        w.start(credit ? "CreditNoteLine" : "InvoiceLine");
        w.text("ID", String.valueOf(line.position()));
        w.text(credit ? "CreditedQuantity" : "InvoicedQuantity", "1", "unitCode", "C62");
        w.amount("LineExtensionAmount", line.amountOre());
        period(w, line.period(), line.period().withDayOfMonth(line.period().lengthOfMonth()));
        w.start("Item");
        w.text("Name", name);
        w.start("SellersItemIdentification");
        w.text("ID", line.kind());
        w.end();
        w.start("ClassifiedTaxCategory");
        category(w, line.vatExempt());
        taxScheme(w);
        w.end();
        w.end();
        w.start("Price");
        w.amount("PriceAmount", line.amountOre());
        w.end();
        w.end();
    }
}
