package dk.fsc.warehouse.internal;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dk.fsc.shared.problem.ConflictException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The packing slip that goes in the parcel: the recipient's name and delivery address, the
 * order's lines with lots and expiry dates and the plates cut, in Danish; never a CPR number
 * (the warehouse never has one). A Thymeleaf template rendered to PDF.
 */
@Service
class PackingSlips {

    static final Locale DANISH = Locale.forLanguageTag("da");

    /** Where the slip's stylesheet is found (a template may not carry a style element). */
    private static final String STYLES = Objects.requireNonNull(PackingSlips.class.getResource(
            "/pdf/packing-slip.css")).toExternalForm();

    private final Picking picking;
    private final ITemplateEngine templates;

    PackingSlips(Picking picking, ITemplateEngine templates) {
        this.picking = picking;
        this.templates = templates;
    }

    /** The slip as a download named after the tracking number; 409 before the order is packed. */
    static ResponseEntity<byte[]> response(PackingSlips slips, UUID orderId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"packing-slip.pdf\"")
                .body(slips.pdf(orderId));
    }

    byte[] pdf(UUID orderId) {
        Picking.PickList list = picking.pickList(orderId);
        if (list.order().trackingNumber() == null) {
            throw new ConflictException("The order is not packed yet.");
        }
        Context context = new Context(DANISH);
        context.setVariable("list", list);
        String html = templates.process("warehouse/packing-slip", context);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, STYLES);
            builder.toStream(pdf);
            builder.run();
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
        return pdf.toByteArray();
    }
}
