package dk.fsc.invoicing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.NotFoundException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * An issued invoice or credit note as the files a payer receives: the OIOUBL 2.1 XML, the same as
 * Peppol BIS Billing 3.0, a PDF for people, and a CSV of its lines with the specification per citizen (by the platform's citizen
 * id, never the CPR). Always in Danish, the language of the invoices.
 */
@Service
@EnableConfigurationProperties(Supplier.class)
class InvoiceDocuments {

    static final Locale DANISH = Locale.of("da", "DK");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", DANISH);

    private final Invoices invoices;
    private final MessageSource messages;
    private final Supplier supplier;

    InvoiceDocuments(Invoices invoices, MessageSource messages, Supplier supplier) {
        this.invoices = invoices;
        this.messages = messages;
        this.supplier = supplier;
    }

    /** A line's name: its kind and period, e.g. "Produkter april 2026". */
    String lineName(Invoices.Line line) {
        return messages.getMessage("invoicing.kind." + line.kind(), null, line.kind(), DANISH) + " "
                + line.period().format(MONTH);
    }

    @Transactional(readOnly = true)
    public String oioubl(UUID id) {
        Invoices.WithLines document = invoices.get(id);
        return Oioubl.document(document, lineNames(document), supplier, TimeConfiguration.DANISH_TIME);
    }

    @Transactional(readOnly = true)
    public String peppol(UUID id) {
        Invoices.WithLines document = invoices.get(id);
        return Peppol.document(document, lineNames(document), supplier, TimeConfiguration.DANISH_TIME);
    }

    private List<String> lineNames(Invoices.WithLines document) {
        return document.lines().stream().map(this::lineName).toList();
    }

    @Transactional(readOnly = true)
    public String csv(UUID id) {
        Invoices.WithLines document = invoices.get(id);
        StringBuilder csv = new StringBuilder("section;line;kind;period;citizen_id;charges;amount_dkk\n");
        document.lines().forEach(line -> csv.append("line;").append(line.position()).append(';').append(line.kind())
                .append(';').append(line.period()).append(";;").append(line.charges()).append(';')
                .append(kroner(line.amountOre())).append('\n'));
        if (document.invoice().credits() == null) {
            invoices.specification(id).forEach(row -> csv.append("specification;;").append(row.kind()).append(";;")
                    .append(row.citizenId() == null ? "" : row.citizenId()).append(';').append(row.charges())
                    .append(';').append(kroner(row.amountOre())).append('\n'));
        }
        return csv.toString();
    }

    @Transactional(readOnly = true)
    public byte[] pdf(UUID id) {
        Invoices.WithLines document = invoices.get(id);
        Invoices.Invoice invoice = document.invoice();
        boolean credit = invoice.credits() != null;
        StringBuilder html = new StringBuilder("<html><head><meta charset=\"UTF-8\"/><title>")
                .append(credit ? "Kreditnota " : "Faktura ").append(invoice.number()).append("</title>")
                .append("<style>body{font-family:sans-serif;font-size:10pt} td.amount{text-align:right}"
                        + " table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #999;padding:3px}"
                        + "</style></head><body>")
                .append("<h1>").append(credit ? "Kreditnota " : "Faktura ").append(invoice.number()).append("</h1>")
                .append("<p>").append(escape(supplier.name())).append(", CVR ").append(supplier.cvr())
                .append("</p><p>Til: ").append(escape(invoice.payerName())).append(", EAN ").append(invoice.gln())
                .append("</p><p>Måned: ").append(invoice.month().atDay(1).format(MONTH)).append(". Udstedt ")
                .append(LocalDate.ofInstant(invoice.issuedAt(), TimeConfiguration.DANISH_TIME)).append(".</p>");
        if (credit) {
            html.append("<p>Krediterer faktura ").append(invoice.creditedNumber()).append(".</p>");
        }
        html.append("<table><tr><th>Linje</th><th>Tekst</th><th>Posteringer</th><th>Beløb kr.</th></tr>");
        document.lines().forEach(line -> html.append("<tr><td>").append(line.position()).append("</td><td>")
                .append(escape(lineName(line))).append(line.vatExempt() ? " (momsfri)" : "").append("</td><td>")
                .append(line.charges()).append("</td><td class=\"amount\">").append(kroner(line.amountOre()))
                .append("</td></tr>"));
        html.append("</table><p>Momspligtigt: ").append(kroner(invoice.taxableOre())).append(" kr. Momsfrit: ")
                .append(kroner(invoice.exemptOre())).append(" kr. Moms 25 %: ").append(kroner(invoice.vatOre()))
                .append(" kr.</p><h2>I alt: ").append(kroner(invoice.totalOre())).append(" kr.</h2></body></html>");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html.toString(), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("The PDF could not be written", e);
        }
    }

    /** The document as a file to save: {@code xml} (OIOUBL), {@code peppol} (Peppol BIS XML), {@code pdf} or {@code csv}. */
    ResponseEntity<byte[]> download(UUID id, String format) {
        byte[] body = switch (format) {
            case "xml" -> oioubl(id).getBytes(StandardCharsets.UTF_8);
            case "peppol" -> peppol(id).getBytes(StandardCharsets.UTF_8);
            case "pdf" -> pdf(id);
            case "csv" -> csv(id).getBytes(StandardCharsets.UTF_8);
            default -> throw new NotFoundException("There is no " + format + " of an invoice.");
        };
        MediaType type = switch (format) {
            case "xml", "peppol" -> MediaType.APPLICATION_XML;
            case "pdf" -> MediaType.APPLICATION_PDF;
            default -> new MediaType("text", "csv", StandardCharsets.UTF_8);
        };
        String file = "faktura-" + id + (format.equals("peppol") ? "-peppol.xml" : "." + format);
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file).build().toString()).body(body);
    }

    static String kroner(long ore) {
        return BigDecimal.valueOf(ore, 2).toPlainString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
