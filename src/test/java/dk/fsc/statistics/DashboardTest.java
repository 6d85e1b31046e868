package dk.fsc.statistics;

import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.devices.WorkOrderCompleted;
import dk.fsc.devices.WorkOrderType;
import dk.fsc.grants.GrantId;
import dk.fsc.grants.GrantMade;
import dk.fsc.grants.Grants;
import dk.fsc.jobs.Jobs;
import dk.fsc.orders.OrderDelivered;
import dk.fsc.orders.OrderId;
import dk.fsc.orders.OrderLine;
import dk.fsc.orders.OrderPlaced;
import dk.fsc.orders.OrderStatus;
import dk.fsc.assortment.ProductId;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.ReferenceData;
import dk.fsc.reference.Payer;
import dk.fsc.support.ContactRegistered;
import dk.fsc.support.ContactTopic;
import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard from events the other modules publish (published here, as their producers are
 * built in parallel): a caseworker's municipality beside the suppressed average of the others,
 * the region's view per municipality with counts under 5 citizens suppressed, redelivered
 * events counted once, and a period that ends before it starts refused.
 */
@FscIntegrationTest
class DashboardTest {

    private static final MunicipalityCode AARHUS = new MunicipalityCode("751");
    private static final MunicipalityCode RANDERS = new MunicipalityCode("730");
    private static final ProductId PRODUCT = new ProductId(UUID.fromString("b0000000-0000-4000-8000-000000000005"));
    private static final String JANUARY_2030 = "from=2030-01-01&to=2030-01-31";
    private static final String MAY_2031 = "from=2031-05-01&to=2031-05-31";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Jobs jobs;

    @Autowired
    Grants grants;

    @Autowired
    ReferenceData referenceData;

    @Test
    void aCaseworkerSeesHerMunicipalityBesideTheSuppressedAverageOfTheOthers() throws IOException {
        ordersIn(AARHUS, 3);
        ordersIn(RANDERS, 6);
        ContactRegistered contact = new ContactRegistered(UUID.randomUUID(), 1, null,
                Payer.municipality(AARHUS), ContactTopic.ORDERING, "PHONE", 7, LocalDate.of(2030, 1, 9),
                Instant.parse("2030-01-09T10:00:00Z"), "agent");
        WorkOrderCompleted work = new WorkOrderCompleted(UUID.randomUUID(), WorkOrderType.values()[0], null, AARHUS,
                null, 45, true, LocalDate.of(2030, 1, 12), Instant.parse("2030-01-12T10:00:00Z"), "technician");
        publish(List.of(contact, contact, work));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("contact_fact where topic = 'ORDERING' "
                + "and contact_date = '2030-01-09'") >= 1 && count("work_order_fact where completed_on = '2030-01-12'") >= 1);

        JsonNode own = Api.as(port, "caseworker-aarhus", "demo").get("/api/v1/statistics?" + JANUARY_2030).json();
        assertThat(own.path("columns").toString()).isEqualTo("[\"current\",\"previous\",\"lastYear\",\"others\"]");
        assertThat(line(own, "citizensOrdering")).isEqualTo("3 0 0 suppressed");
        assertThat(line(own, "ordersPlaced")).startsWith("3 0 0 ");
        assertThat(line(own, "contacts")).startsWith("1 ");
        assertThat(line(own, "contactMinutes")).startsWith("7 ");
        assertThat(line(own, "missedTargets")).startsWith("1 ");
        assertThat(line(own, "leadTimeDays")).startsWith("2.0 ");
        assertThat(line(own, "costKroner")).as("6 flat baseplates at 802.00 kr, the assortment's price of 2030")
                .startsWith("4812.0 0.0 0.0 ");
        assertThat(line(own, "costPerCitizenKroner")).startsWith("1604.0 none none ");
        assertThat(breakdown(own, "itemsDelivered", "STOMA")).startsWith("6 0 0 ");
        assertThat(breakdown(own, "costKroner", "STOMA")).startsWith("4812.0 0.0 0.0 ");
        assertThat(breakdown(own, "contacts", "ORDERING")).as("compared with both periods too").startsWith("1 0 0 ");
        long stomaGrants = grants.citizensWithGrantInArea("STOMA", LocalDate.of(2030, 1, 31))
                .getOrDefault(AARHUS, 0L);
        assertThat(breakdown(own, "grantCitizens", "STOMA")).as("her own count, even under 5, from the grants' API")
                .startsWith(stomaGrants + " ");
        assertThat(new BigDecimal(breakdown(own, "costPerGrantCitizenKroner", "STOMA").split(" ")[0]))
                .isEqualByComparingTo(new BigDecimal("4812.00").divide(BigDecimal.valueOf(stomaGrants), 2, RoundingMode.HALF_UP));
        JsonNode days = Api.as(port, "caseworker-aarhus", "demo").get("/api/v1/statistics?from=2029-12-15&to=2030-01-10")
                .json();
        assertThat(line(days, "citizensOrdering")).as("whole months from the pre-aggregates, other days from the facts")
                .startsWith("3 ");
        assertThat(line(days, "contacts")).startsWith("1 ");
        assertThat(own.path("municipalities").isEmpty()).as("a caseworker sees no municipality by name").isTrue();
        assertThat(Api.as(port, "caseworker-aarhus", "demo").get("/api/v1/statistics?scope=municipality:730").status())
                .isEqualTo(404);

        JsonNode region = Api.as(port, "analyst", "demo").get("/api/v1/statistics?scope=region:1082&" + JANUARY_2030)
                .json();
        assertThat(row(region, "751", 1)).isEqualTo("suppressed");
        assertThat(row(region, "730", 1)).isEqualTo("6");
        assertThat(line(region, "citizensOrdering")).startsWith("9 ");
        List<String> midtjylland = referenceData.municipalities().stream().filter(m -> m.regionCode().equals("1082"))
                .map(Municipality::code).toList();
        long regionStoma = grants.citizensWithGrantInArea("STOMA", LocalDate.of(2030, 1, 31)).entrySet().stream()
                .filter(e -> midtjylland.contains(e.getKey().value())).mapToLong(Map.Entry::getValue).sum();
        assertThat(breakdown(region, "grantCitizens", "STOMA")).as("outside a municipality's own figures under 5 is suppressed")
                .startsWith(regionStoma > 0 && regionStoma < 5 ? "suppressed " : regionStoma + " ");

        WebSession caseworker = WebSession.logIn(port, "caseworker-aarhus", "demo");
        String page = caseworker.get("/statistics?" + JANUARY_2030).body();
        assertThat(page).contains("Gennemsnit af de andre kommuner", "under 5", "id=\"topic-contacts-table\" data-chart=\"bar\"",
                "Borgere med bevilling i området");
        String csv = caseworker.get("/statistics/export.csv?" + JANUARY_2030).body();
        assertThat(csv).contains("Borgere, der har bestilt;3;0;0;under 5", "Pr. produktområde: Forbrug: leverede stk.;Perioden",
                "Stomi;6;0;0;");
        assertThat(spreadsheetRow(caseworker.getBytes("/statistics/export.xlsx?" + JANUARY_2030), "Borgere, der har bestilt"))
                .isEqualTo("3 0 0 under 5");
    }

    @Test
    void aCitizenUsingFarLessThanGrantedIsOnTheCaseworkersWorkList() {
        CitizenId citizen = new CitizenId(UUID.fromString("a0000000-0000-4000-8000-000000000751"));
        publish(List.of(new GrantMade(new GrantId(UUID.fromString("c0000000-0000-4000-8000-000000000751")), citizen,
                AARHUS)));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> count("grant_fact where citizen_id = '" + citizen.value() + "'") == 1);
        jobs.runNow("statistics-consumption-drift");

        JsonNode drifts = Api.as(port, "caseworker-aarhus", "demo").get("/api/v1/statistics/consumption-drift").json();
        assertThat(drifts.toString()).as("3 flat baseplates a month granted, none delivered August to October")
                .contains("\"kind\":\"OVER_GRANTED\"", "\"granted\":3", "\"consumed\":[0,0,0]",
                        "\"firstPeriod\":\"2026-08-01\"");
        assertThat(Api.as(port, "caseworker-randers", "demo").get("/api/v1/statistics/consumption-drift").json()
                .toString()).doesNotContain(citizen.value().toString());
        WebSession caseworker = WebSession.logIn(port, "caseworker-aarhus", "demo");
        assertThat(caseworker.get("/").body()).contains("drift-panel", "/statistics/consumption-drift");
        assertThat(caseworker.get("/statistics/consumption-drift").body())
                .contains("Bruger langt mindre end bevilget", "0, 0, 0 (fra 01-08-2026)");
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        JsonNode problem = assertProblem(Api.as(port, "analyst", "demo")
                .get("/api/v1/statistics?from=2030-02-01&to=2030-01-01"), 400);
        assertThat(fields(problem)).containsExactly("to");
        String page = WebSession.logIn(port, "analyst", "demo").get("/statistics?from=2030-02-01&to=2030-01-01").body();
        assertThat(page).contains("to-error", "Slutdatoen ligger før startdatoen.");
        assertThat(Api.as(port, "citizen-aarhus", "demo").get("/api/v1/statistics").status()).isEqualTo(403);
    }

    private void ordersIn(MunicipalityCode municipality, int citizens) {
        for (int i = 0; i < citizens; i++) {
            OrderId order = new OrderId(UUID.randomUUID());
            CitizenId citizen = new CitizenId(UUID.randomUUID());
            OrderPlaced placed = new OrderPlaced(order, citizen, municipality, OrderStatus.ACCEPTED,
                    LocalDate.of(2030, 1, 10), List.of(new OrderLine(PRODUCT, 2, null)));
            OrderDelivered delivered = new OrderDelivered(order, citizen, municipality,
                    List.of(new OrderLine(PRODUCT, 2, null)), Instant.parse("2030-01-11T23:00:00Z"), "warehouse");
            publish(List.of(placed));
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> count("order_fact where order_id = '" + order.value() + "'") == 1);
            publish(List.of(delivered, placed));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("order_fact where municipality = '"
                + municipality.value() + "' and order_date = '2030-01-10' and delivered_at is not null") >= citizens);
    }

    /** The row of a spreadsheet's first sheet that starts with this text, its other cells as the sheet holds them. */
    private static String spreadsheetRow(byte[] xlsx, String first) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getFirstSheet().read()) {
                if (row.getCellText(0).equals(first)) {
                    StringBuilder text = new StringBuilder();
                    for (int c = 1; c < row.getCellCount(); c++) {
                        Cell cell = row.getCell(c);
                        text.append(c > 1 ? " " : "").append(cell.getType() == CellType.NUMBER
                                ? cell.asNumber().stripTrailingZeros().toPlainString() : cell.getText());
                    }
                    return text.toString();
                }
            }
        }
        throw new AssertionError("No row " + first);
    }

    private void publish(List<Object> published) {
        transactions.executeWithoutResult(status -> published.forEach(events::publishEvent));
    }

    private long count(String from) {
        return jdbc.sql("select count(*) from statistics." + from).query(Long.class).single();
    }

    @Test
    void aYearsPreviousPeriodIsLastYearAndItsColumnsBothShowItOnce() {
        Api caseworker = Api.as(port, "caseworker-aarhus", "demo");
        for (int i = 0; i < 5; i++) {
            String citizen = Citizens.register(caseworker, "751", "Årstal Sammenligning");
            assertThat(caseworker.postJson("/api/v1/citizens/" + citizen + "/grants", """
                    {"validFrom":"2029-06-01","lines":[{"group":"STOMA_BASEPLATE","quantity":3,"period":"MONTH"}]}""")
                    .status()).isEqualTo(201);
        }
        JsonNode year = Api.as(port, "analyst", "demo").get("/api/v1/statistics?scope=platform&from=2030-01-01&to=2030-12-31")
                .json();
        long stomaAtEnd2029 = grants.citizensWithGrantInArea("STOMA", LocalDate.of(2029, 12, 31)).values().stream()
                .mapToLong(Long::longValue).sum();
        String[] stoma = breakdown(year, "grantCitizens", "STOMA").split(" ");
        assertThat(stoma[1]).as("previous period").isEqualTo(String.valueOf(stomaAtEnd2029));
        assertThat(stoma[2]).as("the same period last year").isEqualTo(String.valueOf(stomaAtEnd2029));
        for (String metric : List.of("citizensWithGrants", "ordersPlaced", "costKroner", "contacts")) {
            String[] cells = line(year, metric).split(" ");
            assertThat(cells[2]).as(metric).isEqualTo(cells[1]);
        }
    }

    @Test
    void theServiceCentersCallsStandAgainstTheirTargetsInEveryScopeAndInTheExports() {
        // 5 May 2031: answered after 20, 40 and 90 seconds, one abandoned; 6 May 2030: two answered after 10 seconds.
        String csv = """
                queue,call_id,start,answered,abandoned,end,agent
                Stomi,stat-1,2031-05-05 09:00:00,2031-05-05 09:00:20,,2031-05-05 09:05:00,agent
                Stomi,stat-2,2031-05-05 09:10:00,2031-05-05 09:10:40,,2031-05-05 09:15:00,agent
                Bleer,stat-3,2031-05-05 09:20:00,2031-05-05 09:21:30,,2031-05-05 09:25:00,agent
                Bleer,stat-4,2031-05-05 09:30:00,,2031-05-05 09:30:30,2031-05-05 09:30:30,
                Stomi,stat-5,2030-05-06 09:00:00,2030-05-06 09:00:10,,2030-05-06 09:05:00,agent
                Stomi,stat-6,2030-05-06 09:10:00,2030-05-06 09:10:10,,2030-05-06 09:15:00,agent
                """;
        Api.Response loaded = Api.as(port, "admin", "demo").send("POST", "/api/v1/call-records", "text/csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);

        JsonNode region = Api.as(port, "analyst", "demo").get("/api/v1/statistics?scope=region:1082&" + MAY_2031).json();
        assertThat(region.path("calls").path("targetSeconds").asInt()).isEqualTo(60);
        assertThat(calls(region, "callsOffered")).as("this May, April before it, last May").isEqualTo("4 0 2");
        assertThat(calls(region, "callsAnswered")).isEqualTo("3 0 2");
        assertThat(calls(region, "callsAnsweredInTimePercent")).isEqualTo("50.0 none 100.0");
        assertThat(calls(region, "callsAbandonedPercent")).isEqualTo("25.0 none 0.0");
        assertThat(calls(region, "callsAverageWaitSeconds")).isEqualTo("50.0 none 10.0");

        JsonNode own = Api.as(port, "caseworker-aarhus", "demo").get("/api/v1/statistics?" + MAY_2031).json();
        assertThat(calls(own, "callsOffered")).as("the same for a municipality; no average of the others").isEqualTo("4 0 2 none");
        WebSession caseworker = WebSession.logIn(port, "caseworker-aarhus", "demo");
        assertThat(caseworker.get("/statistics?" + MAY_2031).body()).contains("Telefonservice i hele FSC",
                "Besvaret inden for 60 sekunder (%), mål mindst 90\u00a0%", "Opgivet af den, der ringede (%), mål under 5\u00a0%");
        assertThat(caseworker.get("/statistics/export.csv?" + MAY_2031).body())
                .contains("Besvaret inden for 60 sekunder (%), mål mindst 90\u00a0%;50,0;;100,0;");
    }

    private static String calls(JsonNode view, String metric) {
        return cells(view.path("calls").path("lines"), metric);
    }

    private static String line(JsonNode view, String metric) {
        return cells(view.path("lines"), metric);
    }

    private static String cells(JsonNode lines, String metric) {
        for (JsonNode line : lines) {
            if (line.path("metric").asString().equals(metric)) {
                StringBuilder text = new StringBuilder();
                line.path("cells").forEach(cell -> text.append(text.isEmpty() ? "" : " ").append(cell(cell)));
                return text.toString();
            }
        }
        throw new AssertionError("No metric " + metric);
    }

    private static String breakdown(JsonNode view, String metric, String key) {
        for (JsonNode breakdown : view.path("breakdowns")) {
            if (breakdown.path("metric").asString().equals(metric)) {
                for (JsonNode row : breakdown.path("rows")) {
                    if (row.path("key").asString().equals(key)) {
                        StringBuilder text = new StringBuilder();
                        row.path("cells").forEach(cell -> text.append(text.isEmpty() ? "" : " ").append(cell(cell)));
                        return text.toString();
                    }
                }
            }
        }
        throw new AssertionError("No " + metric + " of " + key);
    }

    private static String row(JsonNode view, String code, int metric) {
        for (JsonNode row : view.path("municipalities")) {
            if (row.path("code").asString().equals(code)) {
                return cell(row.path("cells").get(metric));
            }
        }
        throw new AssertionError("No municipality " + code);
    }

    private static String cell(JsonNode cell) {
        return cell.path("suppressed").asBoolean() ? "suppressed"
                : cell.path("value").isNull() ? "none" : cell.path("value").decimalValue().toPlainString();
    }
}
