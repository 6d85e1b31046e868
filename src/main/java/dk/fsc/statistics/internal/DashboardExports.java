package dk.fsc.statistics.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** A dashboard view as rows (for CSV), as a spreadsheet whose numbers are numbers, and as a PDF. */
@Component
class DashboardExports {

    /** The base the report's stylesheet (pdf/statistics-report.css) is found against. */
    private static final String STYLES = Objects.requireNonNull(DashboardExports.class.getResource(
            "/pdf/statistics-report.css")).toExternalForm();

    private final MessageSource messages;
    private final ITemplateEngine templates;

    DashboardExports(MessageSource messages, ITemplateEngine templates) {
        this.messages = messages;
        this.templates = templates;
    }

    /**
     * The header, then per metric its name and its cells (a number, "under 5", or empty); then each
     * table per product area or topic, the devices per model and service level, the amounts per
     * kind and the needs assessments per recommended and chosen step (with the share that followed
     * the recommendation) and the service center's calls after an empty row: its title in the
     * header, then its rows.
     */
    List<List<Object>> rows(Dashboards.View view, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(header(view, messages.getMessage("statistics.metric", null, locale), locale));
        view.lines().forEach(line -> rows.add(row(messages.getMessage("statistics.metric." + line.metric(), null, locale),
                line.cells(), locale)));
        for (Dashboards.Breakdown breakdown : view.breakdowns()) {
            rows.add(List.of());
            rows.add(header(view, messages.getMessage("statistics.breakdowns." + breakdown.by(), null, locale) + ": "
                    + messages.getMessage("statistics.breakdown." + breakdown.by() + "." + breakdown.metric(), null, locale),
                    locale));
            breakdown.rows().forEach(row -> rows.add(row(row.name(), row.cells(), locale)));
        }
        if (!view.devices().isEmpty()) {
            rows.add(List.of());
            rows.add(header(view, messages.getMessage("statistics.devices", null, locale), locale));
            view.devices().forEach(device -> rows.add(row(device.model() + " – " + (device.services().isEmpty()
                    ? messages.getMessage("statistics.service.none", null, locale)
                    : device.services().stream().map(service -> messages.getMessage("statistics.service." + service, null,
                            locale)).collect(Collectors.joining(", "))), device.cells(), locale)));
        }
        if (!view.invoiced().isEmpty()) {
            rows.add(List.of());
            rows.add(header(view, messages.getMessage("statistics.invoiced", null, locale), locale));
            view.invoiced().forEach(kind -> rows.add(row(messages.getMessage("invoicing.kind." + kind.kind(), null, locale),
                    kind.cells(), locale)));
        }
        if (!view.assessments().isEmpty()) {
            rows.add(List.of());
            rows.add(header(view, messages.getMessage("statistics.assessments", null, locale), locale));
            view.assessments().forEach(line -> rows.add(row(messages.getMessage("devices.level." + line.recommended(), null,
                    locale) + " – " + messages.getMessage("devices.level." + line.chosen(), null, locale), line.cells(),
                    locale)));
            rows.add(row(messages.getMessage("statistics.assessmentsFollowed", null, locale), view.followed(), locale));
        }
        rows.add(List.of());
        rows.add(header(view, messages.getMessage("statistics.calls", null, locale), locale));
        Dashboards.Calls calls = view.calls();
        Object[] targets = { calls.targetSeconds(), calls.answeredTargetPercent(), calls.abandonedMaxPercent() };
        calls.lines().forEach(line -> rows.add(row(messages.getMessage("statistics.metric." + line.metric(), targets,
                locale), line.cells(), locale)));
        return rows;
    }

    private List<Object> header(Dashboards.View view, String first, Locale locale) {
        List<Object> header = new ArrayList<>();
        header.add(first);
        view.columns().forEach(c -> header.add(messages.getMessage("statistics.column." + c, null, locale)));
        return header;
    }

    private List<Object> row(String name, List<Dashboards.Cell> cells, Locale locale) {
        List<Object> row = new ArrayList<>();
        row.add(name);
        cells.forEach(cell -> row.add(cell.suppressed() ? messages.getMessage("statistics.suppressed", null, locale)
                : cell.value() == null ? "" : cell.value()));
        return row;
    }

    byte[] xlsx(Dashboards.View view, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "FSC", "1.0");
            Worksheet sheet = workbook.newWorksheet(messages.getMessage("statistics.title", null, locale));
            List<List<Object>> rows = rows(view, locale);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object cell = rows.get(r).get(c);
                    if (cell instanceof BigDecimal number) {
                        sheet.value(r, c, number);
                    } else if (!"".equals(cell)) {
                        sheet.value(r, c, (String) cell);
                    }
                }
            }
            sheet.width(0, 40);
            workbook.finish();
        } catch (IOException e) {
            throw new IllegalStateException("The spreadsheet could not be written", e);
        }
        return out.toByteArray();
    }

    /** The figures and the tables per product area and topic on a printable page (templates/statistics/report.html, pdf/statistics-report.css). */
    byte[] pdf(Dashboards.View view, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("view", view);
        String html = templates.process("statistics/report", context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, STYLES);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("The PDF could not be written", e);
        }
    }
}
