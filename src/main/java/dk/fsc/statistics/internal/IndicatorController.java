package dk.fsc.statistics.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import dk.fsc.shared.web.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicators", description = "Indicators followed against targets, per cluster or municipality and period")
class IndicatorController {

    private final Indicators indicators;

    IndicatorController(Indicators indicators) {
        this.indicators = indicators;
    }

    record IndicatorSummary(UUID id, String name, String unit, String periodKind, String breakdown, String regionCode,
            String source, String firstPeriod, String lastPeriod, @Nullable Long target) {

        static IndicatorSummary of(Indicator indicator) {
            return new IndicatorSummary(indicator.id(), indicator.name(), indicator.unit(),
                    indicator.periodKind().name(), indicator.breakdown().name(), indicator.regionCode(),
                    indicator.source(), indicator.firstPeriod().code(), indicator.lastPeriod().code(),
                    indicator.target());
        }
    }

    record ValueView(String area, String period, long value, boolean incomplete, @Nullable String note) {

        static ValueView of(IndicatorValue value) {
            return new ValueView(value.area(), value.period().code(), value.value(), value.incomplete(), value.note());
        }
    }

    /** A period's row: values in the order of {@code areas}, null where none is registered. */
    record RowView(String period, List<Indicators.Cell> values, @Nullable Long total, boolean incomplete,
            @Nullable BigDecimal attainmentPercent) {
    }

    record TableView(IndicatorSummary indicator, List<String> areas, List<RowView> rows) {
    }

    @GetMapping
    List<IndicatorSummary> all() {
        return indicators.all().stream().map(IndicatorSummary::of).toList();
    }

    @PostMapping
    @Operation(summary = "Define an indicator (FSC_ADMIN)",
            description = "periodKind MONTH or QUARTER; breakdown CLUSTER or MUNICIPALITY; periods as 2019-Q1 or "
                    + "2019-05; target per period optional.")
    ResponseEntity<IndicatorSummary> define(@RequestBody Indicators.Definition definition, Principal principal) {
        Indicator indicator = indicators.define(definition, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/indicators/" + indicator.id()))
                .body(IndicatorSummary.of(indicator));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An indicator's values per area and period, with totals and attainment of the target",
            description = "A period without any value has total null (missing, not zero).")
    TableView table(@PathVariable UUID id) {
        Indicators.Table table = indicators.table(id);
        return new TableView(IndicatorSummary.of(table.indicator()), table.areaNames(),
                table.rows().stream().map(row -> new RowView(row.period().code(), row.cells(), row.total(),
                        row.incomplete(), row.attainment())).toList());
    }

    @PostMapping("/{id}/values")
    @ResponseStatus(HttpStatus.OK)
    @Operation(summary = "Register or correct one value (FSC_ADMIN)")
    ValueView register(@PathVariable UUID id, @RequestBody Indicators.NewValue value, Principal principal) {
        return ValueView.of(indicators.register(id, value, principal.getName()));
    }

    @PutMapping(value = "/{id}/values", consumes = { "text/csv", "text/plain" })
    @Operation(summary = "Import values from CSV (FSC_ADMIN)",
            description = "Lines area,period,value[,incomplete[,note]]; all lines valid and new or nothing is saved.")
    List<ValueView> importValues(@PathVariable UUID id, InputStream body, Principal principal) {
        byte[] bytes = RequestBodies.readAtMost(body, Indicators.MAX_BYTES);
        return indicators.importValues(id, bytes, principal.getName()).stream().map(ValueView::of).toList();
    }
}
