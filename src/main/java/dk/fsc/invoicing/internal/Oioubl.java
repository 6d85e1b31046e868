package dk.fsc.invoicing.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.xml.stream.XMLStreamException;

/**
 * An invoice or credit note as an OIOUBL 2.1 document for NemHandel: FSC as the supplier (by its
 * CVR number, from {@link Supplier}), the payer as the customer with its EAN/GLN number as the receiving endpoint, a line
 * per invoice line, VAT per category (StandardRated 25 %, ZeroRated for exempt lines) and totals
 * in kroner with two decimals. OIOUBL's TaxExclusiveAmount is the VAT amount.
 */
final class Oioubl {

    private static final String OIOUBL_AGENCY = "320";

    private Oioubl() {
    }

    static String document(Invoices.WithLines document, List<String> lineNames, Supplier supplier, ZoneId zone) {
        Invoices.Invoice invoice = document.invoice();
        boolean credit = invoice.credits() != null;
        return UblWriter.document(credit ? "CreditNote" : "Invoice", w -> {
            w.text("UBLVersionID", "2.1");
            w.text("CustomizationID", "OIOUBL-2.1");
            w.text("ProfileID", "urn:www.nesubl.eu:profiles:profile5:ver2.0", "schemeAgencyID", OIOUBL_AGENCY,
                    "schemeID", "urn:oioubl:id:profileid-1.2");
            w.text("ID", String.valueOf(invoice.number()));
            w.text("CopyIndicator", "false");
            w.text("UUID", invoice.id().toString());
            LocalDate issued = LocalDate.ofInstant(invoice.issuedAt(), zone);
            w.text("IssueDate", issued.toString());
            if (!credit) {
                w.text("InvoiceTypeCode", "380", "listAgencyID", OIOUBL_AGENCY, "listID",
                        "urn:oioubl:codelist:invoicetypecode-1.1");
            }
            w.text("DocumentCurrencyCode", "DKK");
            if (credit) {
                w.billingReference(invoice.creditedNumber());
            }
            supplier(w, supplier);
            customer(w, invoice);
            if (!credit) {
                w.start("PaymentMeans");
                w.text("ID", "1");
                w.text("PaymentMeansCode", "42");
                w.text("PaymentDueDate", issued.plusDays(supplier.paymentDays()).toString());
                w.text("PaymentChannelCode", "DK:BANK", "listAgencyID", OIOUBL_AGENCY, "listID",
                        "urn:oioubl:codelist:paymentchannelcode-1.1");
                w.start("PayeeFinancialAccount");
                w.text("ID", supplier.bankAccount());
                w.text("PaymentNote", String.valueOf(invoice.number()));
                w.start("FinancialInstitutionBranch");
                w.text("ID", supplier.bankRegistration());
                w.end();
                w.end();
                w.end();
            }
            w.taxTotal(invoice, Oioubl::subtotal);
            w.start("LegalMonetaryTotal");
            w.amount("LineExtensionAmount", invoice.taxableOre() + invoice.exemptOre());
            w.amount("TaxExclusiveAmount", invoice.vatOre());
            w.amount("TaxInclusiveAmount", invoice.totalOre());
            w.amount("PayableAmount", invoice.totalOre());
            w.end();
            for (int i = 0; i < document.lines().size(); i++) {
                line(w, credit, document.lines().get(i), lineNames.get(i));
            }
        });
    }

    private static void supplier(UblWriter w, Supplier supplier) throws XMLStreamException {
        String cvr = "DK" + supplier.cvr();
        w.start("AccountingSupplierParty");
        w.start("Party");
        w.text("EndpointID", cvr, "schemeID", "DK:CVR");
        w.start("PartyIdentification");
        w.text("ID", cvr, "schemeID", "DK:CVR");
        w.end();
        w.start("PartyName");
        w.text("Name", supplier.name());
        w.end();
        address(w, supplier.street(), supplier.buildingNumber(), supplier.city(), supplier.postalZone());
        w.start("PartyTaxScheme");
        w.text("CompanyID", cvr, "schemeID", "DK:SE");
        taxScheme(w);
        w.end();
        w.start("PartyLegalEntity");
        w.text("RegistrationName", supplier.name());
        w.text("CompanyID", cvr, "schemeID", "DK:CVR");
        w.end();
        w.end();
        w.end();
    }

    private static void customer(UblWriter w, Invoices.Invoice invoice) throws XMLStreamException {
        w.start("AccountingCustomerParty");
        w.start("Party");
        w.text("EndpointID", invoice.gln(), "schemeAgencyID", "9", "schemeID", "GLN");
        w.start("PartyIdentification");
        w.text("ID", invoice.gln(), "schemeAgencyID", "9", "schemeID", "GLN");
        w.end();
        w.start("PartyName");
        w.text("Name", invoice.payerName());
        w.end();
        address(w, "Rådhuspladsen", "1", invoice.payerName(), "8000");
        w.start("Contact");
        w.text("ID", invoice.payer().code());
        w.text("Name", "Økonomi, " + invoice.payerName());
        w.end();
        w.end();
        w.end();
    }

    private static void address(UblWriter w, String street, String number, String city, String postalZone)
            throws XMLStreamException {
        w.start("PostalAddress");
        w.text("AddressFormatCode", "StructuredDK", "listAgencyID", OIOUBL_AGENCY, "listID",
                "urn:oioubl:codelist:addressformatcode-1.1");
        w.text("StreetName", street);
        w.text("BuildingNumber", number);
        w.text("CityName", city);
        w.text("PostalZone", postalZone);
        w.start("Country");
        w.text("IdentificationCode", "DK");
        w.end();
        w.end();
    }

    private static void subtotal(UblWriter w, long taxableOre, long vatOre, boolean exempt) throws XMLStreamException {
        w.start("TaxSubtotal");
        w.amount("TaxableAmount", taxableOre);
        w.amount("TaxAmount", vatOre);
        w.start("TaxCategory");
        w.text("ID", exempt ? "ZeroRated" : "StandardRated", "schemeAgencyID", OIOUBL_AGENCY, "schemeID",
                "urn:oioubl:id:taxcategoryid-1.1");
        w.text("Percent", exempt ? "0" : InvoiceRun.VAT_PERCENT.toPlainString());
        taxScheme(w);
        w.end();
        w.end();
    }

    private static void taxScheme(UblWriter w) throws XMLStreamException {
        w.start("TaxScheme");
        w.text("ID", "63", "schemeAgencyID", OIOUBL_AGENCY, "schemeID", "urn:oioubl:id:taxschemeid-1.1");
        w.text("Name", "Moms");
        w.end();
    }

    private static void line(UblWriter w, boolean credit, Invoices.Line line, String name) throws XMLStreamException {
        w.start(credit ? "CreditNoteLine" : "InvoiceLine");
        w.text("ID", String.valueOf(line.position()));
        w.text(credit ? "CreditedQuantity" : "InvoicedQuantity", "1.00", "unitCode", "EA");
        w.amount("LineExtensionAmount", line.amountOre());
        long vat = line.vatExempt() ? 0 : InvoiceRun.vat(line.amountOre());
        w.start("TaxTotal");
        w.amount("TaxAmount", vat);
        subtotal(w, line.amountOre(), vat, line.vatExempt());
        w.end();
        w.start("Item");
        w.text("Description", name);
        w.text("Name", name);
        w.start("SellersItemIdentification");
        w.text("ID", line.kind());
        w.end();
        w.end();
        w.start("Price");
        w.amount("PriceAmount", line.amountOre());
        w.text("BaseQuantity", "1", "unitCode", "EA");
        w.text("OrderableUnitFactorRate", "1");
        w.end();
        w.end();
    }
}
