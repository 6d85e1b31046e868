package dk.fsc.statistics;

import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@FscIntegrationTest
class IndicatorsApiTest {

    private static final String FROM_HOSPITALS = "/api/v1/indicators/5e000000-0000-4000-8000-000000000001";
    private static final String FROM_GENERAL_PRACTICE = "/api/v1/indicators/5e000000-0000-4000-8000-000000000002";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSmokingCessationReferralsShowEightsFiguresWithAttainmentAndIncompleteMarks() {
        JsonNode table = Api.as(port, "analyst", "demo").get(FROM_HOSPITALS).json();

        assertThat(table.path("indicator").path("target").asLong()).isEqualTo(750);
        assertThat(table.path("areas").toString())
                .isEqualTo("[\"Aarhusklyngen\",\"Randersklyngen\",\"Horsensklyngen\",\"Midtklyngen\",\"Vestklyngen\"]");
        JsonNode rows = table.path("rows");
        assertThat(row(rows, 0)).isEqualTo("2019-Q1 23 73 68 74 100 = 338 45.1 complete");
        assertThat(row(rows, 1)).isEqualTo("2019-Q2 17* 62 84 64 104 = 331 44.1 incomplete");
        assertThat(row(rows, 2)).isEqualTo("2019-Q3 13 111 76 42 166 = 408 54.4 complete");
        assertThat(rows.get(3).path("total").isNull()).as("a period without data is missing, not zero").isTrue();
        assertThat(rows.get(3).path("attainmentPercent").isNull()).isTrue();
        assertThat(rows.get(1).path("values").get(0).path("note").asString()).isEqualTo("Maj mangler");

        JsonNode practice = Api.as(port, "caseworker-aarhus", "demo").get(FROM_GENERAL_PRACTICE).json().path("rows");
        assertThat(practice.get(0).path("total").isNull()).isTrue();
        assertThat(row(practice, 1)).isEqualTo("2019-Q2 8* 13 21 9 36 = 87 null incomplete");
        assertThat(row(practice, 2)).isEqualTo("2019-Q3 17 9 14 5 24 = 69 null complete");
    }

    private static String row(JsonNode rows, int index) {
        JsonNode row = rows.get(index);
        StringBuilder text = new StringBuilder(row.path("period").asString());
        row.path("values").forEach(cell -> text.append(' ').append(cell.path("value").asLong())
                .append(cell.path("incomplete").asBoolean() ? "*" : ""));
        JsonNode attainment = row.path("attainmentPercent");
        return text.append(" = ").append(row.path("total").asLong()).append(' ')
                .append(attainment.isNull() ? "null" : attainment.decimalValue().toPlainString()).append(' ')
                .append(row.path("incomplete").asBoolean() ? "incomplete" : "complete").toString();
    }

    @Test
    void anAdministratorDefinesAnIndicatorAndImportsItsValuesAllOrNothing() {
        Api admin = Api.as(port, "admin", "demo");
        Api.Response defined = admin.postJson("/api/v1/indicators", """
                {"name":"Genindlæggelser","unit":"borgere","periodKind":"MONTH","breakdown":"MUNICIPALITY",
                 "regionCode":"1082","source":"Fra hospitaler","firstPeriod":"2026-01","lastPeriod":"2026-03",
                 "target":"40"}""");
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        String path = defined.location();

        Api.Response refused = admin.send("PUT", path + "/values", "text/csv", """
                area,period,value,incomplete,note
                Aarhus,2026-01,12
                Randers,2026-01,7,ja,mangler en uge
                Atlantis,2026-01,3
                Horsens,2026-04,5
                Aarhus,2026-01,13
                Odder,2026-02,-4
                """);
        JsonNode problem = assertProblem(refused, 400);
        assertThat(fields(problem)).containsExactly("line 4", "line 5", "line 6", "line 7");
        assertThat(values(path)).isZero();

        Api.Response imported = admin.send("PUT", path + "/values", "text/csv", """
                751;2026-01;12
                Randers;2026-01;7;ja;mangler en uge
                """);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(values(path)).isEqualTo(2);

        JsonNode again = assertProblem(admin.send("PUT", path + "/values", "text/csv", "Aarhus,2026-01,14\nOdder,2026-02,1\n"), 400);
        assertThat(fields(again)).containsExactly("body");
        assertThat(values(path)).isEqualTo(2);

        Api.Response corrected = admin.postJson(path + "/values",
                "{\"area\":\"Aarhus\",\"period\":\"2026-01\",\"value\":\"14\",\"incomplete\":false}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(admin.get(path).json().path("rows").get(0).path("total").asLong()).isEqualTo(21);
    }

    private long values(String path) {
        String id = path.substring(path.lastIndexOf('/') + 1);
        return jdbc.sql("select count(*) from statistics.indicator_value where indicator_id = ?::uuid").param(id)
                .query(Long.class).single();
    }

    @Test
    void badDefinitionsAndValuesAreRefusedByFieldAndChangeNothing() {
        Api admin = Api.as(port, "admin", "demo");
        long before = jdbc.sql("select count(*) from statistics.indicator").query(Long.class).single();

        JsonNode backwards = assertProblem(admin.postJson("/api/v1/indicators", """
                {"name":"Baglæns","unit":"stk","periodKind":"QUARTER","breakdown":"CLUSTER","regionCode":"1082",
                 "source":"Fra hospitaler","firstPeriod":"2020-Q3","lastPeriod":"2020-Q1","target":"0"}"""), 400);
        assertThat(fields(backwards)).containsExactlyInAnyOrder("lastPeriod", "target");
        JsonNode empty = assertProblem(admin.postJson("/api/v1/indicators", "{}"), 400);
        assertThat(fields(empty)).contains("name", "unit", "source", "periodKind", "breakdown", "regionCode");
        assertThat(jdbc.sql("select count(*) from statistics.indicator").query(Long.class).single()).isEqualTo(before);

        JsonNode unknown = assertProblem(admin.postJson(FROM_HOSPITALS + "/values",
                "{\"area\":\"Fynklyngen\",\"period\":\"2020-Q1\",\"value\":\"x\"}"), 400);
        assertThat(fields(unknown)).containsExactlyInAnyOrder("area", "period", "value");

        WebSession page = WebSession.logIn(port, "admin", "demo");
        String path = "/indicators/5e000000-0000-4000-8000-000000000001";
        String refused = page.post(path + "/values", "area=Fynklyngen&period=2020-Q1&value=-3").body();
        assertThat(refused).as("each reason in Danish next to its field").contains("value-area-error", "value-period-error",
                "value-value-error", "er ikke en klynge eller kommune i indikatorens region.",
                "ligger uden for indikatorens perioder (2019-Q1 til 2019-Q4).", "er ikke et helt tal på 0 eller mere.");
        String duplicates = page.post(path + "/import", "text=" + URLEncoder.encode(
                "Vestklyngen,2019-Q4,20\nVestklyngen,2019-Q4,21\n", StandardCharsets.UTF_8)).body();
        assertThat(duplicates).contains("import-errors", "Linje 2", "står også i linje 1");
        String backwardsPage = page.post("/indicators", "name=Baglæns&unit=stk&periodKind=QUARTER&breakdown=CLUSTER"
                + "&regionCode=1082&source=x&firstPeriod=2020-Q3&lastPeriod=2020-Q1").body();
        assertThat(backwardsPage).contains("lastPeriod-error", "Den sidste periode ligger før den første.");
        assertThat(jdbc.sql("select count(*) from statistics.indicator").query(Long.class).single()).isEqualTo(before);
        assertThat(Api.as(port, "analyst", "demo").get(FROM_HOSPITALS).json().path("rows").get(0).path("total").asLong())
                .isEqualTo(338);
        assertThat(Api.as(port, "analyst", "demo").get(FROM_HOSPITALS).json().path("rows").get(3).path("total").isNull())
                .as("the refused Q4 lines left Q4 without data").isTrue();
    }

    @Test
    void onlyAnAdministratorChangesIndicatorsAndACitizenReadsNone() {
        assertThat(Api.as(port, "analyst", "demo").postJson("/api/v1/indicators", "{}").status()).isEqualTo(403);
        assertThat(Api.as(port, "caseworker-aarhus", "demo").send("PUT", FROM_HOSPITALS + "/values", "text/csv",
                "Aarhusklyngen,2019-Q4,1").status()).isEqualTo(403);
        assertThat(Api.as(port, "citizen-aarhus", "demo").get(FROM_HOSPITALS).status()).isEqualTo(403);
        assertThat(Api.as(port, "analyst", "demo").get("/api/v1/indicators/5e000000-0000-4000-8000-00000000000f").status())
                .isEqualTo(404);
    }

    @Test
    void theAnalystsIndicatorPageShowsTheTableAndTheChartWithTheMissingQuarter() {
        String page = WebSession.logIn(port, "analyst", "demo").get("/indicators/5e000000-0000-4000-8000-000000000001")
                .body();

        assertThat(page).contains("45,1 %", "44,1 %", "54,4 %", "ufuldstændig", "Maj mangler", "data-chart=\"bar\"",
                "data-chart-target=\"100\"", "data-value=\"45.1\"", "/dist/chart.umd.js", "/js/charts.js");
        assertThat(List.of(page.split("data-incomplete")).size() - 1).as("Q2's total and attainment").isEqualTo(2);
    }
}
