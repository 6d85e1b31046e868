package dk.fsc.invoicing.internal;

import java.io.StringWriter;
import java.math.BigDecimal;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a UBL 2.1 document, the syntax that OIOUBL and Peppol BIS Billing share: an element
 * with children is a cac aggregate, one with text a cbc basic component, amounts are kroner with
 * two decimals in DKK.
 */
final class UblWriter {

    private static final String UBL = "urn:oasis:names:specification:ubl:schema:xsd:";
    private static final String CAC = UBL + "CommonAggregateComponents-2";
    private static final String CBC = UBL + "CommonBasicComponents-2";

    /** The body of a document, written element by element. */
    interface Body {
        void write(UblWriter ubl) throws XMLStreamException;
    }

    private final XMLStreamWriter xml;

    private UblWriter(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /** A document whose root is {@code root} ({@code Invoice} or {@code CreditNote}) in its UBL namespace. */
    static String document(String root, Body body) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("", root, UBL + root + "-2");
            xml.writeDefaultNamespace(UBL + root + "-2");
            xml.writeNamespace("cac", CAC);
            xml.writeNamespace("cbc", CBC);
            body.write(new UblWriter(xml));
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The " + root + " document could not be written", e);
        }
    }

    void start(String name) throws XMLStreamException {
        xml.writeStartElement("cac", name, CAC);
    }

    void end() throws XMLStreamException {
        xml.writeEndElement();
    }

    /** A basic component with its text and attributes given as name, value, name, value... */
    void text(String name, String value, String... attributes) throws XMLStreamException {
        xml.writeStartElement("cbc", name, CBC);
        for (int i = 0; i < attributes.length; i += 2) {
            xml.writeAttribute(attributes[i], attributes[i + 1]);
        }
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    void amount(String name, long ore) throws XMLStreamException {
        text(name, BigDecimal.valueOf(ore, 2).toPlainString(), "currencyID", "DKK");
    }

    /** A credit note's reference to the invoice it credits. */
    void billingReference(long invoiceNumber) throws XMLStreamException {
        start("BillingReference");
        start("InvoiceDocumentReference");
        text("ID", String.valueOf(invoiceNumber));
        end();
        end();
    }

    /** One VAT breakdown: its taxable amount, its VAT, and whether it is the exempt category. */
    interface Subtotal {
        void write(UblWriter ubl, long taxableOre, long vatOre, boolean exempt) throws XMLStreamException;
    }

    /** The document's VAT: the total, then the taxed breakdown (also when all is zero) and the exempt one, if any. */
    void taxTotal(Invoices.Invoice invoice, Subtotal subtotal) throws XMLStreamException {
        start("TaxTotal");
        amount("TaxAmount", invoice.vatOre());
        if (invoice.taxableOre() != 0 || invoice.exemptOre() == 0) {
            subtotal.write(this, invoice.taxableOre(), invoice.vatOre(), false);
        }
        if (invoice.exemptOre() != 0) {
            subtotal.write(this, invoice.exemptOre(), 0, true);
        }
        end();
    }
}
