package dk.fsc.warehouse.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The warehouse's printed papers: a Thymeleaf template in Danish rendered to PDF by openhtmltopdf. */
final class WarehousePdf {

    static final Locale DANISH = Locale.forLanguageTag("da");

    /** Where the papers' stylesheet is found (a template may not carry a style element). */
    private static final String STYLES = Objects.requireNonNull(WarehousePdf.class.getResource(
            "/pdf/packing-slip.css")).toExternalForm();

    private WarehousePdf() {
    }

    static byte[] render(ITemplateEngine templates, String template, Map<String, Object> variables) {
        Context context = new Context(DANISH);
        context.setVariables(variables);
        String html = templates.process(template, context);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, STYLES);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return pdf.toByteArray();
    }

    static ResponseEntity<byte[]> response(byte[] pdf, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"").body(pdf);
    }
}
