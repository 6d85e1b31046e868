package dk.fsc.statistics.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The statistics dashboard page and its exports as CSV and XLSX. */
@Controller
class DashboardPages {

    private final Dashboards dashboards;
    private final MessageSource messages;

    DashboardPages(Dashboards dashboards, MessageSource messages) {
        this.dashboards = dashboards;
        this.messages = messages;
    }

    @GetMapping("/statistics")
    String dashboard(@RequestParam(required = false) @Nullable String scope,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            Model model, HttpServletResponse response) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            Dashboards.View view = dashboards.view(scope, from, to);
            model.addAttribute("view", view);
            response.setHeader("Server-Timing", "sql;desc=\"the figures' queries\";dur=" + view.sqlTime().toNanos() / 1e6);
        } catch (DomainException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            model.addAttribute("errors", FormErrors.byField(e.errors(), messages));
            model.addAttribute("view", dashboards.view(scope, null, null));
        }
        return "statistics/dashboard";
    }

    @GetMapping("/statistics/export.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) @Nullable String scope,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
        Dashboards.View view = dashboards.view(scope, from, to);
        Locale locale = LocaleContextHolder.getLocale();
        StringBuilder csv = new StringBuilder();
        for (List<Object> row : rows(view, locale)) {
            csv.append(row.stream().map(cell -> cell instanceof BigDecimal number ? number.toPlainString().replace('.', ',')
                    : String.valueOf(cell)).collect(Collectors.joining(";"))).append("\r\n");
        }
        return attachment(view, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
                ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
    }

    /** The same figures as the CSV, as a spreadsheet whose numbers are numbers. */
    @GetMapping("/statistics/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @Nullable String scope,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to)
            throws IOException {
        Dashboards.View view = dashboards.view(scope, from, to);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "FSC", "1.0");
        Worksheet sheet = workbook.newWorksheet(messages.getMessage("statistics.title", null, LocaleContextHolder.getLocale()));
        List<List<Object>> rows = rows(view, LocaleContextHolder.getLocale());
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
        return attachment(view, "xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), out.toByteArray());
    }

    private static ResponseEntity<byte[]> attachment(Dashboards.View view, String extension, MediaType type, byte[] body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statistik-" + view.from() + "." + extension + "\"")
                .body(body);
    }

    /** The export's rows: the header, then per metric its name and its cells (a number, "under 5", or empty). */
    private List<List<Object>> rows(Dashboards.View view, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>();
        header.add(messages.getMessage("statistics.metric", null, locale));
        view.columns().forEach(c -> header.add(messages.getMessage("statistics.column." + c, null, locale)));
        rows.add(header);
        for (Dashboards.Line line : view.lines()) {
            List<Object> row = new ArrayList<>();
            row.add(messages.getMessage("statistics.metric." + line.metric(), null, locale));
            line.cells().forEach(cell -> row.add(cell.suppressed() ? messages.getMessage("statistics.suppressed", null, locale)
                    : cell.value() == null ? "" : cell.value()));
            rows.add(row);
        }
        return rows;
    }
}
