package dk.fsc.statistics.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
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
    private final DashboardExports exports;
    private final MonthlyReports reports;

    DashboardPages(Dashboards dashboards, MessageSource messages, DashboardExports exports, MonthlyReports reports) {
        this.dashboards = dashboards;
        this.messages = messages;
        this.exports = exports;
        this.reports = reports;
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
            if (view.scope().kind().equals("municipality")) {
                model.addAttribute("reports", reports.list(view.scope().municipalities().getFirst()));
            }
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
        for (List<Object> row : exports.rows(view, locale)) {
            csv.append(row.stream().map(cell -> cell instanceof BigDecimal number ? number.toPlainString().replace('.', ',')
                    : String.valueOf(cell)).collect(Collectors.joining(";"))).append("\r\n");
        }
        return attachment(view, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
                ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
    }

    /** The same figures as the CSV, as a spreadsheet whose numbers are numbers. */
    @GetMapping("/statistics/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @Nullable String scope,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
        Dashboards.View view = dashboards.view(scope, from, to);
        return attachment(view, "xlsx", MediaType.parseMediaType(MonthlyReports.XLSX),
                exports.xlsx(view, LocaleContextHolder.getLocale()));
    }

    private static ResponseEntity<byte[]> attachment(Dashboards.View view, String extension, MediaType type, byte[] body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statistik-" + view.from() + "." + extension + "\"")
                .body(body);
    }
}
