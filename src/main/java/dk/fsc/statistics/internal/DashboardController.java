package dk.fsc.statistics.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Statistics", description = "Key figures per municipality, cluster, region or the platform")
class DashboardController {

    private final Dashboards dashboards;
    private final StomaKeyFigures keyFigures;

    DashboardController(Dashboards dashboards, StomaKeyFigures keyFigures) {
        this.dashboards = dashboards;
        this.keyFigures = keyFigures;
    }

    @GetMapping("/api/v1/statistics")
    @Operation(summary = "Key figures of a scope and period beside the previous period and the same period last year",
            description = "scope region:<code>, cluster:<name>, municipality:<code> or platform (a caseworker: her "
                    + "municipality only, with the others' average); from/to ISO dates, both included, default the "
                    + "month before today. Counts under 5 citizens outside a municipality's own figures are suppressed.")
    Dashboards.View view(@RequestParam(required = false) @Nullable String scope,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
        return dashboards.view(scope, from, to);
    }

    @GetMapping("/api/v1/statistics/stoma-key-figures")
    @Operation(summary = "The stoma area's key figures per region from the platform's data beside the source's (E7)",
            description = "FSC_ADMIN, REGION_ANALYST, FINANCE. year: a calendar year from 2000 to this year; without it "
                    + "the 12 whole months before this month. Citizens with a grant in the area on the last day, the "
                    + "delivered spend, the spend per citizen (kroner, two decimals, half up), the source's figures "
                    + "and the difference.")
    StomaKeyFigures.KeyFigures stomaKeyFigures(@RequestParam(required = false) @Nullable String year) {
        return keyFigures.figures(year);
    }
}
