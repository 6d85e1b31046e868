package dk.fsc.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.fsc.alarms.AlarmClosed;
import dk.fsc.alarms.AlarmKind;
import dk.fsc.alarms.AlarmRaised;
import dk.fsc.alarms.DosesCounted;
import dk.fsc.assortment.ProductId;
import dk.fsc.citizens.CitizenId;
import dk.fsc.devices.AssessmentMade;
import dk.fsc.devices.DeviceService;
import dk.fsc.devices.DeviceServicesChanged;
import dk.fsc.devices.LeasePeriodEnded;
import dk.fsc.devices.LeasePeriodStarted;
import dk.fsc.devices.NeedLevel;
import dk.fsc.invoicing.ChargeKind;
import dk.fsc.invoicing.CreditNoteIssued;
import dk.fsc.invoicing.InvoiceIssued;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.Payer;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The figures the devices', alarms' and invoicing's events feed: each event heard twice (or out
 * of order) counted once, on the dashboard, in its API and exports, with devices and needs
 * assessments (one a citizen each) suppressed under 5 outside the municipality's own figures, and the same after the monthly
 * pre-aggregates are rebuilt. Viborg (791) in June 2033, which no other test uses.
 */
@FscIntegrationTest
@EnableScenarios
class ModuleFiguresTest {

    private static final MunicipalityCode VIBORG = new MunicipalityCode("791");
    private static final MunicipalityCode RANDERS = new MunicipalityCode("730");
    private static final ProductId DISPENSER = new ProductId(UUID.fromString("b0000000-0000-4000-8000-000000000040"));
    private static final String JUNE_2033 = "from=2033-06-01&to=2033-06-30";
    private static final LocalDate SECOND = LocalDate.of(2033, 6, 2);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void devicesAlarmsDosesAndInvoicesAreCountedOnceAndShownWithSuppression(Scenario scenario) throws IOException {
        LeasePeriodStarted first = started(VIBORG, Set.of(DeviceService.ALARM, DeviceService.REFILL));
        scenario.stimulate((tx, publisher) -> {
            tx.executeWithoutResult(status -> {
                publisher.publishEvent(first);
                publisher.publishEvent(first);
            });
        }).andWaitForStateChange(() -> count("lease_fact where lease_id = '" + first.leaseId() + "'") == 1
                && count("lease_services where lease_id = '" + first.leaseId() + "'") == 1);
        LeasePeriodStarted second = started(VIBORG, Set.of(DeviceService.ALARM, DeviceService.REFILL));
        LeasePeriodStarted ended = started(VIBORG, Set.of());
        publish(second, ended, new DeviceServicesChanged(first.leaseId(), first.deviceSerial(), first.citizenId(), VIBORG,
                Set.of(DeviceService.ALARM), LocalDate.of(2033, 6, 15), Instant.parse("2033-06-15T09:00:00Z")));
        scenario.publish(new LeasePeriodEnded(ended.leaseId(), ended.deviceSerial(), DISPENSER, ended.citizenId(), VIBORG,
                SECOND, LocalDate.of(2033, 6, 10), Instant.parse("2033-06-10T09:00:00Z")))
                .andWaitForStateChange(() -> count("lease_fact where lease_id = '" + ended.leaseId()
                        + "' and ends_on = '2033-06-10'") == 1);
        for (int i = 0; i < 6; i++) {
            publish(started(RANDERS, Set.of(DeviceService.ALARM, DeviceService.REFILL)),
                    assessed(RANDERS, NeedLevel.DISPENSER, NeedLevel.DISPENSER));
        }
        AssessmentMade followed = assessed(VIBORG, NeedLevel.DISPENSER, NeedLevel.DISPENSER);
        scenario.stimulate((tx, publisher) -> {
            tx.executeWithoutResult(status -> {
                publisher.publishEvent(followed);
                publisher.publishEvent(followed);
            });
        }).andWaitForStateChange(() -> count("assessment_fact where assessment_id = '" + followed.assessmentId() + "'") == 1);
        publish(assessed(VIBORG, NeedLevel.DISPENSER_WITH_ALARM, NeedLevel.DISPENSER));

        UUID taken = UUID.randomUUID();
        UUID closedFirst = UUID.randomUUID();
        AlarmRaised raised = new AlarmRaised(taken, VIBORG, AlarmKind.MISSED_DOSE, Instant.parse("2033-06-03T09:50:00Z"),
                Instant.parse("2033-06-03T09:50:01Z"));
        AlarmClosed closed = new AlarmClosed(taken, VIBORG, AlarmKind.MISSED_DOSE, raised.dueAt(), raised.raisedAt(),
                Instant.parse("2033-06-03T10:00:00Z"), Instant.parse("2033-06-03T10:30:00Z"));
        AlarmClosed beforeItsRaise = new AlarmClosed(closedFirst, VIBORG, AlarmKind.OFFLINE,
                Instant.parse("2033-06-04T08:00:00Z"), Instant.parse("2033-06-04T08:00:05Z"),
                Instant.parse("2033-06-04T08:20:00Z"), Instant.parse("2033-06-04T09:00:00Z"));
        publish(raised, raised, beforeItsRaise);
        scenario.publish(closed).andWaitForStateChange(() -> count("alarm_fact where municipality = '791' and closed_at "
                + "is not null") == 2);
        publish(closed, new AlarmRaised(closedFirst, VIBORG, AlarmKind.OFFLINE, beforeItsRaise.dueAt(),
                beforeItsRaise.raisedAt()));

        DosesCounted doses = new DosesCounted(VIBORG, LocalDate.of(2033, 6, 5), 10, 8, 2,
                Instant.parse("2033-06-06T03:30:00Z"));
        DosesCounted recounted = new DosesCounted(VIBORG, doses.day(), 10, 9, 1, Instant.parse("2033-06-07T03:30:00Z"));
        publish(recounted, doses, doses);
        scenario.publish(recounted).andWaitForStateChange(() -> count("dose_fact where municipality = '791' and taken = 9") == 1);

        UUID invoice = UUID.randomUUID();
        InvoiceIssued issued = new InvoiceIssued(invoice, 9_001, Payer.municipality(VIBORG), YearMonth.of(2033, 5),
                LocalDate.of(2033, 6, 6), Map.of(ChargeKind.PRODUCT, 100_000L, ChargeKind.DEVICE_LEASE, 50_050L), 37_513,
                187_563);
        publish(issued, issued, new InvoiceIssued(UUID.randomUUID(), 9_002, Payer.region("1082"), YearMonth.of(2033, 5),
                LocalDate.of(2033, 6, 7), Map.of(ChargeKind.STORAGE, 10_000L), 2_500, 12_500));
        scenario.publish(new CreditNoteIssued(UUID.randomUUID(), 501, invoice, 9_001, Payer.municipality(VIBORG),
                YearMonth.of(2033, 5), LocalDate.of(2033, 6, 8), Map.of(ChargeKind.PRODUCT, 20_000L), 5_000, 25_000))
                .andWaitForStateChange(() -> count("invoice_fact where payer_code in ('791', '1082') "
                        + "and issued_on between '2033-06-01' and '2033-06-30'") == 3);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("lease_fact where municipality = '730' "
                + "and starts_on = '2033-06-02'") == 6 && count("alarm_fact where municipality = '791'") == 2
                && count("assessment_fact where municipality in ('791', '730') and made_on = '2033-06-02'") == 8);

        Api analyst = Api.as(port, "analyst", "demo");
        JsonNode viborg = analyst.get("/api/v1/statistics?scope=municipality:791&" + JUNE_2033).json();
        assertThat(line(viborg, "devicesInUse")).as("the municipality's own: 3 shown, the others' average under 5")
                .isEqualTo("3 0 0 suppressed");
        assertThat(line(viborg, "devicesAtEnd")).isEqualTo("2 0 0 suppressed");
        assertThat(line(viborg, "alarmsRaised")).as("raised twice, or closed before raised: once each").startsWith("2 0 0 ");
        assertThat(line(viborg, "alarmsClosed")).startsWith("2 0 0 ");
        assertThat(line(viborg, "acknowledgeMinutes")).as("10 and 20 minutes from due").startsWith("15.0 none none ");
        assertThat(line(viborg, "closeMinutes")).as("40 and 60 minutes from due").startsWith("50.0 none none ");
        assertThat(line(viborg, "adherencePercent")).as("the day's last count, though heard first").startsWith("90.0 none none ");
        assertThat(line(viborg, "dosesMissed")).startsWith("1 0 0 ");
        assertThat(line(viborg, "invoicedKroner")).as("1,500.50 invoiced less 200.00 credited, without VAT")
                .startsWith("1300.5 0.0 0.0 ");
        assertThat(viborg.path("devices").valueStream()
                .filter(device -> device.path("modelId").asString().equals(DISPENSER.value().toString()))
                .map(device -> device.path("services").toString() + " " + cells(device).substring(0, 5)))
                .as("the services on the period's last day (the others' demo leases of other models run on)")
                .containsExactly("[] 1 0 0", "[\"ALARM\"] 1 0 0", "[\"ALARM\",\"REFILL\"] 1 0 0");
        assertThat(viborg.path("devices").get(0).path("model").asString()).isNotEqualTo(DISPENSER.value().toString());
        assertThat(viborg.path("invoiced").valueStream().map(kind -> kind.path("kind").asString() + " " + cells(kind)))
                .containsExactly("PRODUCT 800.0 0.0 0.0 0.0", "DEVICE_LEASE 500.5 0.0 0.0 0.0");
        assertThat(assessments(viborg)).as("heard twice, counted once; the others' average of 6 under 5")
                .containsExactly("DISPENSER DISPENSER 1 0 0 suppressed", "DISPENSER_WITH_ALARM DISPENSER 1 0 0 0.0");
        assertThat(values(viborg.path("followed"))).isEqualTo("50.0 none none 100.0");

        JsonNode region = analyst.get("/api/v1/statistics?scope=region:1082&" + JUNE_2033).json();
        int devicesInUse = List.of(viborg.path("lines").valueStream().map(line -> line.path("metric").asString())
                .toArray(String[]::new)).indexOf("devicesInUse");
        assertThat(row(region, "791", devicesInUse)).isEqualTo("suppressed");
        assertThat(row(region, "730", devicesInUse)).isEqualTo("6");
        assertThat(region.path("invoiced").valueStream().filter(kind -> kind.path("kind").asString().equals("STORAGE"))
                .map(ModuleFiguresTest::cells)).as("the region's own invoice in the region's scope")
                .containsExactly("100.0 0.0 0.0");
        assertThat(assessments(region)).as("one deviation in the region: under 5")
                .containsExactly("DISPENSER DISPENSER 7 0 0", "DISPENSER_WITH_ALARM DISPENSER suppressed 0 0");
        assertThat(values(region.path("followed"))).isEqualTo("87.5 none none");

        WebSession session = WebSession.logIn(port, "analyst", "demo");
        String page = session.get("/statistics?scope=municipality:791&" + JUNE_2033).body();
        assertThat(page).contains("Enheder i brug pr. model og serviceniveau", "data-chart=\"bar\"", "Alarm, Genopfyldning",
                "Leje af udstyr", "efter udstedelsesdato", "Anbefalet mod valgt niveau", "Dispenser med alarm",
                "Fulgte anbefalingen (%)");
        String csv = session.get("/statistics/export.csv?scope=municipality:791&" + JUNE_2033).body();
        assertThat(csv).contains("Enheder i brug i perioden;3;0;0;under 5", "Faktureret pr. art;Perioden",
                "Leje af udstyr;500,50;0,00;0,00;0,00", "Dispenser med alarm – Dispenser;1;0;0;0,0",
                "Fulgte anbefalingen (%);50,0;;;100,0");
        assertThat(spreadsheetRow(session.getBytes("/statistics/export.xlsx?scope=municipality:791&" + JUNE_2033),
                "Leje af udstyr")).isEqualTo("500.5 0 0 0");

        jdbc.sql("select statistics.rebuild_monthly_figures()").query().singleRow();
        assertThat(analyst.get("/api/v1/statistics?scope=municipality:791&" + JUNE_2033).json().path("lines"))
                .as("the rebuilt pre-aggregates hold what the listeners added").isEqualTo(viborg.path("lines"));
    }

    private static LeasePeriodStarted started(MunicipalityCode municipality, Set<DeviceService> services) {
        UUID lease = UUID.randomUUID();
        return new LeasePeriodStarted(lease, "SER-" + lease, DISPENSER, new CitizenId(UUID.randomUUID()), municipality,
                services, SECOND, Instant.parse("2033-06-02T09:00:00Z"));
    }

    private static AssessmentMade assessed(MunicipalityCode municipality, NeedLevel recommended, NeedLevel chosen) {
        return new AssessmentMade(UUID.randomUUID(), new CitizenId(UUID.randomUUID()), municipality, recommended, chosen, 3,
                recommended != chosen, SECOND, Instant.parse("2033-06-02T09:00:00Z"));
    }

    private static List<String> assessments(JsonNode view) {
        return view.path("assessments").valueStream().map(line -> line.path("recommended").asString() + " "
                + line.path("chosen").asString() + " " + cells(line)).toList();
    }

    private void publish(Object... published) {
        transactions.executeWithoutResult(status -> List.of(published).forEach(events::publishEvent));
    }

    private long count(String from) {
        return jdbc.sql("select count(*) from statistics." + from).query(Long.class).single();
    }

    private static String line(JsonNode view, String metric) {
        return view.path("lines").valueStream().filter(line -> line.path("metric").asString().equals(metric))
                .map(ModuleFiguresTest::cells).findFirst().orElseThrow(() -> new AssertionError("No metric " + metric));
    }

    private static String row(JsonNode view, String code, int metric) {
        return view.path("municipalities").valueStream().filter(row -> row.path("code").asString().equals(code))
                .map(row -> cell(row.path("cells").get(metric))).findFirst()
                .orElseThrow(() -> new AssertionError("No municipality " + code));
    }

    private static String cells(JsonNode line) {
        return values(line.path("cells"));
    }

    private static String values(JsonNode cells) {
        return String.join(" ", cells.valueStream().map(ModuleFiguresTest::cell).toList());
    }

    private static String cell(JsonNode cell) {
        return cell.path("suppressed").asBoolean() ? "suppressed"
                : cell.path("value").isNull() ? "none" : cell.path("value").decimalValue().toPlainString();
    }

    /** The row of a spreadsheet's first sheet that starts with this text, its numbers stripped of trailing zeros. */
    private static String spreadsheetRow(byte[] xlsx, String first) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getFirstSheet().read()) {
                if (row.getCellCount() > 0 && row.getCellText(0).equals(first)) {
                    StringBuilder numbers = new StringBuilder();
                    for (int c = 1; c < row.getCellCount(); c++) {
                        numbers.append(c > 1 ? " " : "").append(row.getCell(c).asNumber().stripTrailingZeros().toPlainString());
                    }
                    return numbers.toString();
                }
            }
        }
        throw new AssertionError("No row " + first);
    }
}
