package dk.fsc.invoicing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.oioubl.OIOUBLValidation;
import com.helger.phive.peppol.PeppolValidation2025_11;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import dk.fsc.reference.Payer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * Invoices and credit notes validate as OIOUBL 2.1 (the official schema and schematron) and as
 * Peppol BIS Billing 3.0 (EN 16931 and Peppol's rules, with the Danish national ones), through
 * phive's rules.
 */
public class EInvoiceTest {

    public static final DVRCoordinate OIOUBL_INVOICE = OIOUBLValidation.VID_OIOUBL_INVOICE_1_17_1;
    public static final DVRCoordinate OIOUBL_CREDIT_NOTE = OIOUBLValidation.VID_OIOUBL_CREDIT_NOTE_1_17_1;
    public static final DVRCoordinate PEPPOL_INVOICE = PeppolValidation2025_11.VID_OPENPEPPOL_INVOICE_UBL_V3;
    public static final DVRCoordinate PEPPOL_CREDIT_NOTE = PeppolValidation2025_11.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3;

    static final ValidationExecutorSetRegistry<IValidationSourceXML> RULES = new ValidationExecutorSetRegistry<>();

    static {
        OIOUBLValidation.initOIOUBL(RULES);
        PeppolValidation2025_11.init(RULES);
    }

    static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    /** FSC as configured in application.properties. */
    static final Supplier SUPPLIER = new Supplier("Fælles Servicecenter (FSC)", "29190003", "5799930000017",
            "Olof Palmes Allé", "15", "8200", "Aarhus N", "1234", "1234567890", 30);

    /** Every error the rules ({@link #OIOUBL_INVOICE}, {@link #PEPPOL_INVOICE}...) find in the document; empty when it is valid. */
    public static List<String> errors(String xml, DVRCoordinate rules) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        ValidationResultList results = ValidationExecutionManager.executeValidation(
                IValidityDeterminator.createDefault(), RULES.getOfID(rules),
                ValidationSourceXML.create("invoice.xml", document));
        return results.getAllErrors().stream().map(Object::toString).toList();
    }

    static Invoices.Invoice invoice(UUID id, long number, Long creditedNumber, long taxable, long exempt) {
        long vat = InvoiceRun.vat(taxable);
        return new Invoices.Invoice(id, creditedNumber == null ? "INVOICE" : "CREDIT_NOTE", number,
                YearMonth.of(2026, 4), Payer.region("1082"), "Region Midtjylland & <Co>",
                DemoPayerAccountsSeed.demoGln(Payer.region("1082")), creditedNumber == null ? null : UUID.randomUUID(),
                creditedNumber, taxable, exempt, vat, taxable + exempt + vat, Instant.parse("2026-05-01T08:00:00Z"),
                "finance");
    }

    @Test
    void anInvoiceWithTaxedAndExemptLinesIsValidOioublAndPeppol() throws Exception {
        UUID id = UUID.randomUUID();
        List<Invoices.Line> lines = List.of(
                new Invoices.Line(UUID.randomUUID(), 1, "PRODUCT", LocalDate.of(2026, 4, 1), false, 3, 707_401, null, 0),
                new Invoices.Line(UUID.randomUUID(), 2, "SUPPORT", LocalDate.of(2026, 3, 1), false, 2, 19_425, null, 0),
                new Invoices.Line(UUID.randomUUID(), 3, "ALLOCATION", LocalDate.of(2026, 4, 1), true, 1, 50_000, null, 0));
        Invoices.WithLines document = new Invoices.WithLines(invoice(id, 17, null, 707_401 + 19_425, 50_000), lines,
                List.of());

        List<String> names = List.of("Produkter april 2026", "Support marts 2026", "Fordeling april 2026");

        String xml = Oioubl.document(document, names, SUPPLIER, DANISH);
        String peppol = Peppol.document(document, names, SUPPLIER, DANISH);

        assertThat(xml).contains(DemoPayerAccountsSeed.demoGln(Payer.region("1082")));
        assertThat(errors(xml, OIOUBL_INVOICE)).isEmpty();
        assertThat(peppol).contains("<cbc:EndpointID schemeID=\"0088\">" + DemoPayerAccountsSeed.demoGln(
                Payer.region("1082")), "<cbc:TaxExclusiveAmount currencyID=\"DKK\">7768.26");
        assertThat(errors(peppol, PEPPOL_INVOICE)).isEmpty();
    }

    @Test
    void aCreditNoteReferringToItsInvoiceIsValidOioublAndPeppol() throws Exception {
        List<Invoices.Line> lines = List.of(
                new Invoices.Line(UUID.randomUUID(), 1, "WORK_ORDER", LocalDate.of(2026, 2, 1), false, 0, 1_001,
                        UUID.randomUUID(), 0));
        Invoices.WithLines document = new Invoices.WithLines(invoice(UUID.randomUUID(), 3, 17L, 1_001, 0), lines,
                List.of());

        List<String> names = List.of("Arbejdsordrer februar 2026");

        assertThat(errors(Oioubl.document(document, names, SUPPLIER, DANISH), OIOUBL_CREDIT_NOTE)).isEmpty();
        assertThat(errors(Peppol.document(document, names, SUPPLIER, DANISH), PEPPOL_CREDIT_NOTE)).isEmpty();
    }
}
