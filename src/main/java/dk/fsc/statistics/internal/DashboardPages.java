package dk.fsc.statistics.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.web.FormErrors;
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

/** The statistics dashboard page and its CSV export. */
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
            Model model) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            model.addAttribute("view", dashboards.view(scope, from, to));
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
        csv.append(messages.getMessage("statistics.metric", null, locale)).append(';')
                .append(view.columns().stream().map(c -> messages.getMessage("statistics.column." + c, null, locale))
                        .collect(Collectors.joining(";")))
                .append("\r\n");
        for (Dashboards.Line line : view.lines()) {
            csv.append(messages.getMessage("statistics.metric." + line.metric(), null, locale)).append(';')
                    .append(cells(line.cells(), locale)).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statistik-" + view.from() + ".csv\"")
                .body(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
    }

    private String cells(List<Dashboards.Cell> cells, Locale locale) {
        return cells.stream().map(cell -> cell.suppressed() ? messages.getMessage("statistics.suppressed", null, locale)
                : cell.value() == null ? "" : cell.value().toPlainString().replace('.', ','))
                .collect(Collectors.joining(";"));
    }
}
