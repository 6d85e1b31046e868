package dk.fsc.invoicing;

import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static java.net.URLEncoder.encode;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ContractDiscount;
import dk.fsc.assortment.ProductId;
import dk.fsc.citizens.CitizenId;
import dk.fsc.devices.DeviceService;
import dk.fsc.devices.LeasePeriodStarted;
import dk.fsc.devices.WorkOrderCompleted;
import dk.fsc.devices.WorkOrderType;
import dk.fsc.invoicing.internal.EInvoiceTest;
import dk.fsc.orders.OrderId;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.Payer;
import dk.fsc.support.ContactRegistered;
import dk.fsc.support.ContactTopic;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import dk.fsc.testing.Users;
import dk.fsc.testing.WebSession;
import dk.fsc.warehouse.DeliveredLine;
import dk.fsc.warehouse.HoleCut;
import dk.fsc.warehouse.ShipmentDelivered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A month's run over every kind that is billed: products, hole cuts and the delivery of a
 * shipment, support minutes (a corrected contact), work-order hours, a device lease, storage and
 * a named allocation; then re-running, a late charge, credit notes and drill-down. Samsø (741)
 * pays, in months no other test bills.
 */
@FscIntegrationTest
@EnableScenarios
class MonthRunTest {

    static final UUID FLAT_BASEPLATE = UUID.fromString("b0000000-0000-4000-8000-000000000005");
    static final UUID DISPENSER_BASIC = UUID.fromString("b0000000-0000-4000-8000-000000000040");
    static final MunicipalityCode SAMSO = new MunicipalityCode("741");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Assortment assortment;

    Api finance;

    BillableEvents billable;

    @BeforeEach
    void setUp() {
        finance = Api.as(port, "finance", "demo");
        billable = new BillableEvents(events, transactions, jdbc);
    }

    private void publish(Object... published) {
        billable.publish(published);
    }

    private long charges(String causeId) {
        return billable.charges(causeId);
    }

    private void awaitCharges(String causeId, long count) {
        billable.awaitCharges(causeId, count);
    }

    @Test
    void billsEveryKindOnceAndIssuesTheMonthOnce() throws Exception {
        LocalDate day = LocalDate.of(2026, 4, 10);
        CitizenId citizen = new CitizenId(UUID.randomUUID());
        OrderId order = new OrderId(UUID.randomUUID());
        ShipmentDelivered shipment = new ShipmentDelivered(order, citizen, SAMSO, SAMSO,
                List.of(new DeliveredLine(new ProductId(FLAT_BASEPLATE), 10, "LOT-A", LocalDate.of(2028, 1, 1))),
                List.of(new HoleCut(new ProductId(FLAT_BASEPLATE), 32, 10)), "PostNord", "TRACK-1", BillableEvents.danishNoon(day),
                "warehouse");
        UUID contact = UUID.randomUUID();
        UUID workOrder = UUID.randomUUID();
        UUID lease = UUID.randomUUID();
        publish(shipment, shipment,
                new ContactRegistered(contact, 1, citizen, Payer.municipality(SAMSO), ContactTopic.ORDERING, "PHONE",
                        10, day, BillableEvents.danishNoon(day), "agent"),
                new WorkOrderCompleted(workOrder, WorkOrderType.SETUP, citizen, SAMSO, "SER-1", 45, false, day,
                        BillableEvents.danishNoon(day), "technician"),
                new LeasePeriodStarted(lease, "SER-1", new ProductId(DISPENSER_BASIC), citizen, SAMSO,
                        Set.of(DeviceService.REFILL), LocalDate.of(2026, 4, 16), BillableEvents.danishNoon(day)));
        awaitCharges(order.value().toString(), 3);
        awaitCharges(contact.toString(), 1);
        awaitCharges(workOrder.toString(), 1);
        publish(new ContactRegistered(contact, 2, citizen, Payer.municipality(SAMSO), ContactTopic.ORDERING, "PHONE",
                15, day, BillableEvents.danishNoon(day), "agent"));
        awaitCharges(contact.toString(), 2);
        publish(new ContactRegistered(contact, 1, citizen, Payer.municipality(SAMSO), ContactTopic.ORDERING, "PHONE",
                10, day, BillableEvents.danishNoon(day), "agent"));
        String allocation = allocationApprovedByASecondUser("2026-04", 1, 100_000);

        JsonNode preview = finance.get("/api/v1/invoice-runs/2026-04/preview").json();
        JsonNode samsoPreview = payer(preview.path("payers"), "741");
        assertThat(samsoPreview.path("gln").asString()).hasSize(13);

        Api.Response issued = finance.postJson("/api/v1/invoice-runs", "{\"month\": \"2026-04\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(charges(order.value().toString())).isEqualTo(3);

        JsonNode invoice = invoiceOf("2026-04", "741");
        Map<String, Long> lines = new HashMap<>();
        invoice.path("lines").forEach(line -> lines.merge(line.path("kind").asString(), line.path("amountOre").asLong(),
                Long::sum));
        long price = assortment.priceOn(new ProductId(FLAT_BASEPLATE), day).orElseThrow();
        BigDecimal discount = assortment.discountOn(new ProductId(FLAT_BASEPLATE), day).map(ContractDiscount::percent)
                .orElse(BigDecimal.ZERO);
        long products = BigDecimal.valueOf(price * 10).multiply(BigDecimal.valueOf(100).subtract(discount))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
        assertThat(lines).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PRODUCT", products,
                "HOLE_CUTTING", 10 * 450L,
                "DELIVERY", 6_500L,
                "SUPPORT", 15 * 1_295L,
                "WORK_ORDER", 45 * 65_000L / 60,
                "DEVICE_LEASE", 15 * 430L,
                "STORAGE", 10 * 85L,
                "ALLOCATION", 50_000L));
        long taxable = lines.values().stream().mapToLong(Long::longValue).sum();
        assertThat(invoice.path("invoice").path("taxableOre").asLong()).isEqualTo(taxable);
        assertThat(invoice.path("invoice").path("vatOre").asLong())
                .isEqualTo(BigDecimal.valueOf(taxable).multiply(BigDecimal.valueOf(25))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact());
        assertThat(samsoPreview.path("totalOre").asLong()).isEqualTo(invoice.path("invoice").path("totalOre").asLong());

        JsonNode supportLine = line(invoice, "SUPPORT");
        assertThat(supportLine.path("charges").asLong()).isEqualTo(2);
        JsonNode drill = finance.get("/api/v1/invoices/" + invoice.path("invoice").path("id").asString() + "/lines/"
                + supportLine.path("id").asString() + "/charges").json();
        assertThat(drill.valueStream().map(charge -> charge.path("causeId").asString())).containsOnly(contact.toString());
        assertThat(drill.valueStream().map(charge -> charge.path("quantity").asLong())).containsExactly(10L, 5L);

        JsonNode specification = finance.get("/api/v1/invoices/" + invoice.path("invoice").path("id").asString()
                + "/specification").json();
        assertThat(specification.valueStream().filter(row -> row.path("citizenId").asString()
                .equals(citizen.value().toString())).count()).isEqualTo(6);

        String invoiceId = invoice.path("invoice").path("id").asString();
        Api.Response xml = finance.get("/api/v1/invoices/" + invoiceId + "/documents/xml", "application/xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(EInvoiceTest.errors(xml.body(), EInvoiceTest.OIOUBL_INVOICE)).isEmpty();
        assertThat(EInvoiceTest.errors(finance.get("/api/v1/invoices/" + invoiceId + "/documents/peppol",
                "application/xml").body(), EInvoiceTest.PEPPOL_INVOICE)).isEmpty();
        assertThat(finance.get("/api/v1/invoices/" + invoiceId + "/documents/pdf", "application/pdf").body())
                .startsWith("%PDF");
        assertThat(finance.get("/api/v1/invoices/" + invoiceId + "/documents/csv", "text/csv").body())
                .contains(citizen.value().toString());
        Api aarhus = Api.as(port, "finance-aarhus", "demo");
        assertThat(aarhus.get("/api/v1/invoices/" + invoiceId).status()).isEqualTo(404);
        assertThat(aarhus.get("/api/v1/invoices/" + invoiceId + "/documents/csv").status())
                .isEqualTo(404);
        assertThat(aarhus.get("/api/v1/invoices").json().valueStream()
                .map(own -> own.path("payer").path("code").asString())).as("only Aarhus's own, whatever other tests issued")
                .allMatch("751"::equals);
        assertThat(aarhus.postJson("/api/v1/invoice-runs", "{\"month\": \"2026-04\"}").status()).isEqualTo(403);

        Api.Response again = finance.postJson("/api/v1/invoice-runs", "{\"month\": \"2026-04\"}");
        assertThat(fields(assertProblem(again, 409))).containsExactly("month");
        assertThat(allocation).isNotBlank();

        UUID late = UUID.randomUUID();
        publish(new WorkOrderCompleted(late, WorkOrderType.REPAIR, citizen, SAMSO, "SER-1", 30, false, day.plusDays(2),
                BillableEvents.danishNoon(day.plusDays(2)), "technician"));
        awaitCharges(late.toString(), 1);
        assertThat(finance.postJson("/api/v1/invoice-runs", "{\"month\": \"2026-05\"}").status()).isEqualTo(201);
        JsonNode may = invoiceOf("2026-05", "741");
        JsonNode lateLine = line(may, "WORK_ORDER");
        assertThat(lateLine.path("period").asString()).isEqualTo("2026-04-01");
        assertThat(lateLine.path("amountOre").asLong()).isEqualTo(30 * 67_000L / 60);
        assertThat(line(may, "DEVICE_LEASE").path("amountOre").asLong()).isEqualTo(12_900L);
    }

    /** And tells the other modules of the invoice and each credit note, with amounts per kind that add up to the total. */
    @Test
    void creditsLinesNeverAboveWhatWasInvoiced(Scenario scenario) {
        LocalDate day = LocalDate.of(2026, 2, 3);
        UUID workOrder = UUID.randomUUID();
        publish(new WorkOrderCompleted(workOrder, WorkOrderType.SERVICE, null, SAMSO, null, 60, false, day,
                BillableEvents.danishNoon(day), "technician"));
        awaitCharges(workOrder.toString(), 1);
        AtomicReference<InvoiceIssued> issued = new AtomicReference<>();
        scenario.stimulate(() -> finance.postJson("/api/v1/invoice-runs", "{\"month\": \"2026-02\"}"))
                .andWaitForEventOfType(InvoiceIssued.class)
                .matching(event -> event.payer().equals(Payer.municipality(SAMSO)) && event.month().equals(YearMonth.of(2026, 2)))
                .toArriveAndVerify((event, run) -> {
                    assertThat(run.status()).isEqualTo(201);
                    issued.set(event);
                });
        JsonNode invoice = invoiceOf("2026-02", "741");
        String id = invoice.path("invoice").path("id").asString();
        JsonNode line = line(invoice, "WORK_ORDER");
        long amount = line.path("amountOre").asLong();
        assertThat(issued.get().invoiceId().toString()).isEqualTo(id);
        assertThat(issued.get().amountsByKind()).containsEntry(ChargeKind.WORK_ORDER, amount);
        assertThat(total(issued.get().amountsByKind(), issued.get().vatOre())).isEqualTo(issued.get().totalOre())
                .isEqualTo(invoice.path("invoice").path("totalOre").asLong());

        Api.Response above = finance.postJson("/api/v1/invoices/" + id + "/credit-notes",
                "{\"lines\": [{\"lineId\": \"" + line.path("id").asString() + "\", \"amountOre\": " + (amount + 1) + "}]}");
        assertThat(fields(assertProblem(above, 400))).containsExactly("lines[0].amountOre");

        Api.Response part = finance.postJson("/api/v1/invoices/" + id + "/credit-notes",
                "{\"lines\": [{\"lineId\": \"" + line.path("id").asString() + "\", \"amountOre\": 1001}]}");
        assertThat(part.status()).as(part.body()).isEqualTo(201);
        assertThat(part.json().path("invoice").path("vatOre").asLong()).isEqualTo(250);
        AtomicReference<Api.Response> credited = new AtomicReference<>();
        scenario.stimulate(() -> finance.postJson("/api/v1/invoices/" + id + "/credit-notes", "{}"))
                .andWaitForEventOfType(CreditNoteIssued.class)
                .matching(note -> note.invoiceId().toString().equals(id) && note.amountsByKind()
                        .getOrDefault(ChargeKind.WORK_ORDER, 0L) == amount - 1001)
                .toArriveAndVerify((note, response) -> {
                    assertThat(response.status()).isEqualTo(201);
                    assertThat(note.creditNoteId().toString()).isEqualTo(response.json().path("invoice").path("id").asString());
                    assertThat(total(note.amountsByKind(), note.vatOre())).isEqualTo(note.totalOre())
                            .isEqualTo(response.json().path("invoice").path("totalOre").asLong());
                    credited.set(response);
                });
        Api.Response rest = credited.get();
        long vatCredited = part.json().path("invoice").path("vatOre").asLong()
                + rest.json().path("invoice").path("vatOre").asLong();
        assertThat(vatCredited).isEqualTo(invoice.path("invoice").path("vatOre").asLong());
        assertThat(rest.json().path("invoice").path("number").asLong())
                .isEqualTo(part.json().path("invoice").path("number").asLong() + 1);
        Api.Response nothingLeft = finance.postJson("/api/v1/invoices/" + id + "/credit-notes", "{}");
        assertThat(fields(assertProblem(nothingLeft, 409))).containsExactly("lines");
    }

    private static long total(Map<ChargeKind, Long> amounts, long vatOre) {
        return amounts.values().stream().mapToLong(Long::longValue).sum() + vatOre;
    }

    @Test
    void refusesAFutureMonthAndAllocationsApprovedByTheirAuthor() {
        assertThat(fields(assertProblem(finance.postJson("/api/v1/invoice-runs", "{\"month\": \"2026-12\"}"), 400)))
                .containsExactly("month");
        assertThat(fields(assertProblem(finance.get("/api/v1/invoice-runs/2027-01/preview"), 400)))
                .containsExactly("month");
        JsonNode created = finance.postJson("/api/v1/allocations", """
                {"name": "Self approved", "amountOre": 100, "firstMonth": "2026-01", "months": 1,
                 "key": {"type": "equal", "parts": [{"payer": {"kind": "MUNICIPALITY", "code": "741"}}]}}""").json();
        Api.Response self = finance.postJson("/api/v1/allocations/" + created.path("allocation").path("id").asString()
                + "/approval", "{}");
        assertThat(fields(assertProblem(self, 409))).containsExactly("approvedBy");
    }

    @Test
    void theAllocationEditorPreviewsSavesAndNamesEachMistakeByItsField() {
        WebSession page = WebSession.logIn(port, "finance", "demo");
        String name = "Editor " + UUID.randomUUID();
        assertThat(page.get("/invoicing/allocations").body()).contains("name=\"key.type\"",
                "name=\"key.part.REGION-1082\"", "name=\"key.part.sub\"").doesNotContain("<textarea");
        Map<String, String> percentages = Map.of("key.type", "percentages", "key.part.MUNICIPALITY-741", "60",
                "key.part.REGION-1082", "30");

        String refused = page.post("/invoicing/allocations", form(name, "x", "2026-13", percentages, "preview")).body();
        assertThat(refused).contains("id=\"amount-error\"", "id=\"firstMonth-error\"");
        refused = page.post("/invoicing/allocations", form(name, "1.000,00", "2026-01", percentages, "preview")).body();
        assertThat(refused).contains("id=\"key.parts-error\"", "90").doesNotContain("allocation-preview");
        refused = page.post("/invoicing/allocations", form(name, "1.000,00", "2026-01", Map.of("key.type",
                "percentages", "key.part.MUNICIPALITY-741", "hundred"), "save")).body();
        assertThat(refused).contains("id=\"key.part.MUNICIPALITY-741-error\"", "value=\"hundred\"");

        Map<String, String> e4 = new HashMap<>(Map.of("key.type", "percentages", "key.part.REGION-1082", "50",
                "key.part.sub", "50"));
        assertThat(page.post("/invoicing/allocations", form(name, "1.000,00", "2026-01", e4, "fields")).body())
                .contains("name=\"key.sub.type\"").doesNotContain("field-error");
        assertThat(page.post("/invoicing/allocations", form(name, "1.000,00", "2026-01", e4, "preview")).body())
                .contains("id=\"key.sub.type-error\"");
        e4.putAll(Map.of("key.sub.type", "population", "key.sub.region", "1082", "key.sub.year", "1999"));
        assertThat(page.post("/invoicing/allocations", form(name, "1.000,00", "2026-01", e4, "preview")).body())
                .contains("id=\"key.sub.year-error\"").doesNotContain("allocation-preview");
        e4.put("key.sub.year", "2025");
        assertThat(page.post("/invoicing/allocations", form(name, "1.000,00", "2026-01", e4, "preview")).body())
                .contains("allocation-preview", "data-payer=\"751\"", "500,00 kr", "Indbyggertal 2025");
        Map<String, String> future = Map.of("key.type", "grantCount", "key.region", "1082", "key.area", "STOMA",
                "key.date", clock.today().plusDays(1).toString());
        assertThat(page.post("/invoicing/allocations", form(name, "1.000,00", "2026-01", future, "preview")).body())
                .contains("id=\"key.date-error\"").doesNotContain("allocation-preview");

        Map<String, String> equal = Map.of("key.type", "equal", "key.part.MUNICIPALITY-741", "1",
                "key.part.REGION-1082", "1");
        String preview = page.post("/invoicing/allocations", form(name, "1.000,01", "2026-01", equal, "preview")).body();
        assertThat(preview).contains("allocation-preview", "500,01 kr", "500,00 kr");
        assertThat(jdbc.sql("select count(*) from invoicing.allocation where name = ?").param(name).query(Long.class)
                .single()).isZero();
        HttpResponse<String> saved = page.post("/invoicing/allocations", form(name, "1.000,01", "2026-01", equal, "save"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(page.follow(saved).body()).contains(name, "id=\"saved\"");
        String id = jdbc.sql("select id::text from invoicing.allocation where name = ?").param(name).query(String.class)
                .single();
        assertThat(page.post("/invoicing/allocations/" + id + "/approval", "").body())
                .contains("id=\"approve-" + id + "-error\"");
    }

    private static String form(String name, String amount, String firstMonth, Map<String, String> key, String action) {
        StringBuilder form = new StringBuilder("name=" + encode(name, UTF_8) + "&amount=" + encode(amount, UTF_8)
                + "&firstMonth=" + firstMonth + "&months=1&action=" + action);
        key.forEach((field, value) -> form.append('&').append(field).append('=').append(encode(value, UTF_8)));
        return form.toString();
    }

    private String allocationApprovedByASecondUser(String month, int months, long amountOre) {
        Api.Response created = finance.postJson("/api/v1/allocations", """
                {"name": "Samsø test %s", "amountOre": %d, "firstMonth": "%s", "months": %d,
                 "key": {"type": "equal", "parts": [{"payer": {"kind": "MUNICIPALITY", "code": "741"}},
                   {"payer": {"kind": "REGION", "code": "1082"}}]}}"""
                .formatted(UUID.randomUUID(), amountOre, month, months));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("allocation").path("id").asString();
        String second = Users.withRole(jdbc, passwords, "finance", "demo-password", "FINANCE");
        Api.Response approved = Api.as(port, second, "demo-password").postJson("/api/v1/allocations/" + id + "/approval",
                "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    private JsonNode invoiceOf(String month, String payerCode) {
        JsonNode invoices = finance.get("/api/v1/invoices?month=" + month).json();
        String id = invoices.valueStream().filter(invoice -> invoice.path("document").asString().equals("INVOICE")
                && invoice.path("payer").path("code").asString().equals(payerCode)).findFirst().orElseThrow()
                .path("id").asString();
        return finance.get("/api/v1/invoices/" + id).json();
    }

    private static JsonNode payer(JsonNode payers, String code) {
        return payers.valueStream().filter(payer -> payer.path("payer").path("code").asString().equals(code))
                .findFirst().orElseThrow();
    }

    private static JsonNode line(JsonNode invoice, String kind) {
        return invoice.path("lines").valueStream().filter(line -> line.path("kind").asString().equals(kind))
                .findFirst().orElseThrow();
    }
}
