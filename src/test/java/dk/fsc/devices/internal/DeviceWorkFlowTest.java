package dk.fsc.devices.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dk.fsc.devices.WorkOrderType;
import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A dispenser from the caseworker's assessment to the citizen's home and back to stock, through
 * the pages and the grants API: the chain of work a grant creates (once, however often the events
 * come), reuse first, the lease from installation to the day the takedown is ordered, and the
 * refusals on the way with nothing changed.
 */
@FscIntegrationTest
class DeviceWorkFlowTest {

    static final String CONNECT = "b0000000-0000-4000-8000-000000000042";
    static final String CONNECT_GTIN = "05700356100427";
    static final UUID TINA = UUID.fromString("d0000000-0000-4000-8000-000000000001");

    @LocalServerPort
    int port;

    @Autowired
    WorkOrders workOrders;

    @Autowired
    WorkChains chains;

    @Autowired
    DeviceRegister devices;

    @Autowired
    JdbcClient jdbc;

    static String form(String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    static final String[] NEEDS_ALARM = { "manageAlone", "no", "reminderEnough", "no", "dosesPerDay", "3",
            "cognitive", "yes", "visual", "no", "motor", "no", "missedDoses", "yes", "relativesHelp", "no",
            "stable14Days", "yes" };

    static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    UUID grantConnect(String citizen) {
        Api.Response granted = Api.as(port, "caseworker-aarhus", "demo").postJson("/api/v1/citizens/" + citizen
                + "/grants", """
                {"validFrom":"2026-01-01","lines":[{"productId":"%s","quantity":1,"period":"YEAR"}]}""".formatted(CONNECT));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        return UUID.fromString(granted.json().path("id").asString());
    }

    List<WorkOrders.WorkOrder> workOf(UUID grant, int expected) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> workOrders.ofGrant(grant), w -> w.size() >= expected);
    }

    WorkOrders.WorkOrder ofType(List<WorkOrders.WorkOrder> work, WorkOrderType type) {
        return work.stream().filter(w -> w.type() == type).findFirst().orElseThrow();
    }

    @Test
    void aDispenserGoesFromAssessmentToTheCitizenAndBackToStock() {
        String citizen = Citizens.register(Api.as(port, "caseworker-aarhus", "demo"), "751", "Dispenser Testesen");
        WebSession caseworker = WebSession.logIn(port, "caseworker-aarhus", "demo");
        HttpResponse<String> undecided = caseworker.post("/devices/assessments/" + citizen,
                form(with(NEEDS_ALARM, "chosen", "DISPENSER", "action", "save")));
        assertThat(undecided.body()).contains("Skriv, hvorfor du vælger et andet trin");
        assertThat(caseworker.post("/devices/assessments/" + citizen, form(with(NEEDS_ALARM, "chosen",
                "DISPENSER_WITH_ALARM", "grant.modelId", "b0000000-0000-4000-8000-000000000040", "grant.quantity", "1",
                "grant.period", "YEAR", "grant.validFrom", devices.today().toString(), "action", "grant"))).body())
                .contains("id=\"grant.modelId-error\"", "Modellen har ikke de funktioner, det valgte trin kræver");
        assertThat(caseworker.post("/devices/assessments/" + citizen, form(with(NEEDS_ALARM, "chosen",
                "DISPENSER_WITH_ALARM", "grant.modelId", "", "grant.quantity", "0", "grant.period", "YEAR",
                "grant.validFrom", devices.today().toString(), "action", "grant"))).body())
                .as("the grants module's reason next to the field").contains("id=\"grant.quantity-error\"");
        assertThat(caseworker.post("/devices/assessments/" + citizen, form(with(NEEDS_ALARM, "chosen", "DISPENSER",
                "grant.modelId", CONNECT, "grant.quantity", "0", "grant.period", "YEAR", "grant.validFrom",
                devices.today().toString(), "action", "grant"))).body())
                .as("the assessment's and the grant's reasons in one round").contains("id=\"deviationReason-error\"",
                        "Skriv, hvorfor du vælger et andet trin", "id=\"grant.quantity-error\"",
                        "Antallet skal være et helt tal fra 1 til");
        assertThat(jdbc.sql("select count(*) from devices.assessment where citizen_id = ?")
                .param(UUID.fromString(citizen)).query(Integer.class).single()).isZero();
        HttpResponse<String> assessed = caseworker.post("/devices/assessments/" + citizen,
                form(with(NEEDS_ALARM, "chosen", "DISPENSER_WITH_ALARM", "training", "on", "action", "save")));
        assertThat(assessed.body()).contains("Vurderingen er gemt").contains("/citizens/" + citizen + "/grants");

        UUID grant = grantConnect(citizen);
        List<WorkOrders.WorkOrder> work = workOf(grant, 3);
        chains.startWork(grant, UUID.fromString(citizen));
        chains.startWork(grant, UUID.fromString(citizen));
        assertThat(workOrders.ofGrant(grant)).hasSize(3);
        assertThat(jdbc.sql("select chosen || ' ' || recommended from devices.assessment where grant_id = ?").param(grant)
                .query(String.class).single()).isEqualTo("DISPENSER_WITH_ALARM DISPENSER_WITH_ALARM");
        WorkOrders.WorkOrder prepare = ofType(work, WorkOrderType.PREPARE);
        WorkOrders.WorkOrder setup = ofType(work, WorkOrderType.SETUP);
        assertThat(ofType(work, WorkOrderType.TRAINING).dependsOn()).isEqualTo(setup.id());
        assertThat(setup.waiting()).isEqualTo(WorkOrders.WAITING_FOR_PREPARATION);
        assertThat(setup.services()).isEqualTo("TRAINING ALARM");
        String serial = prepare.deviceSerial();
        assertThat(serial).startsWith("DT-42-");

        WebSession warehouse = WebSession.logIn(port, "warehouse", "demo");
        assertThat(warehouse.post("/work-orders/" + prepare.id() + "/done", form("minutes", "-5")).body())
                .contains("Skriv minutterne som et helt tal");
        assertThat(devices.require(serial).state()).isEqualTo(DeviceState.IN_STOCK);
        warehouse.post("/work-orders/" + prepare.id() + "/done", form("minutes", "20", "outcome", "COMPLETED"));
        assertThat(devices.require(serial).state()).isEqualTo(DeviceState.PREPARED);

        WebSession admin = WebSession.logIn(port, "admin", "demo");
        String today = devices.today().toString();
        assertThat(admin.post("/work-orders/" + setup.id() + "/assignment",
                form("technician", TINA.toString(), "day", today, "start", "06:00")).body())
                .contains("uden for Tina Thomsens arbejdstid");
        assertThat(workOrders.find(setup.id()).orElseThrow().technicianId()).isNull();
        admin.post("/work-orders/" + setup.id() + "/assignment",
                form("technician", TINA.toString(), "day", today, "start", "14:00"));
        assertThat(workOrders.find(setup.id()).orElseThrow().pinned()).isTrue();

        WebSession technician = WebSession.logIn(port, "technician", "demo");
        assertThat(technician.get("/my-day").body()).contains("Dispenser Testesen").contains(serial);
        assertThat(technician.post("/my-day/" + setup.id() + "/done", form("scan", "(01)05700356100403(21)DT-40-001",
                "minutes", "30", "outcome", "COMPLETED")).body()).contains("er af en anden model");
        assertThat(technician.post("/my-day/" + setup.id() + "/done", form("scan", "(01)" + CONNECT_GTIN + "(21)"
                + serial, "minutes", "-1", "outcome", "COMPLETED")).body()).contains("Skriv minutterne");
        assertThat(devices.require(serial).state()).isEqualTo(DeviceState.PREPARED);
        technician.post("/my-day/" + setup.id() + "/done", form("scan", "(01)" + CONNECT_GTIN + "(21)" + serial,
                "minutes", "35", "outcome", "COMPLETED", "note", "Sat op i køkkenet"));
        assertThat(devices.require(serial).state()).isEqualTo(DeviceState.INSTALLED);
        assertThat(devices.history(serial)).extracting(h -> h.toState()).containsSubsequence("IN_STOCK", "PREPARED",
                "IN_TRANSIT", "INSTALLED");
        DeviceRegister.Lease lease = devices.leases(serial).getLast();
        assertThat(lease.startsOn()).isEqualTo(devices.today());
        assertThat(lease.services()).containsExactlyInAnyOrder(dk.fsc.devices.DeviceService.ALARM,
                dk.fsc.devices.DeviceService.TRAINING);
        assertThat(lease.endsOn()).isNull();

        Api.Response ended = Api.as(port, "caseworker-aarhus", "demo").postJson("/api/v1/grants/" + grant + "/end",
                "{\"endsOn\":\"" + devices.today().plusDays(10) + "\",\"reason\":\"Borgeren klarer sig selv\"}");
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        WorkOrders.WorkOrder takedown = await().atMost(Duration.ofSeconds(20))
                .until(() -> workOrders.byChainKey("lease:" + lease.id() + ":takedown"), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(devices.leases(serial).getLast().endsOn()).isEqualTo(devices.today());
        admin.post("/work-orders/" + takedown.id() + "/assignment",
                form("technician", TINA.toString(), "day", today, "start", "15:00"));
        technician.post("/my-day/" + takedown.id() + "/done", form("minutes", "15", "outcome", "COMPLETED"));
        assertThat(devices.require(serial).state()).isEqualTo(DeviceState.COLLECTED);
        WorkOrders.WorkOrder cleaning = workOrders.byChainKey("lease:" + lease.id() + ":cleaning").orElseThrow();
        warehouse.post("/work-orders/" + cleaning.id() + "/done", form("minutes", "25", "outcome", "COMPLETED"));
        assertThat(devices.require(serial).state()).isEqualTo(DeviceState.IN_STOCK);
        assertThat(devices.require(serial).cleanedAt()).isNotNull();

        String next = Citizens.register(Api.as(port, "caseworker-aarhus", "demo"), "751", "Genbrug Testesen");
        WorkOrders.WorkOrder reused = ofType(workOf(grantConnect(next), 2), WorkOrderType.PREPARE);
        assertThat(reused.deviceSerial()).as("the cleaned device before new ones").isEqualTo(serial);
    }

    @Test
    void aGrantWithNoFreeSuitableDeviceWaitsFlaggedAndIsServedWhenADeviceComes() {
        UUID holder = UUID.randomUUID();
        jdbc.sql("update devices.device set work_order_id = ? where model_id = ? and state = 'IN_STOCK'"
                + " and work_order_id is null").params(holder, UUID.fromString(CONNECT)).update();
        try {
            waitForADevice();
        } finally {
            jdbc.sql("update devices.device set work_order_id = null where work_order_id = ?").param(holder).update();
        }
    }

    private void waitForADevice() {
        String citizen = Citizens.register(Api.as(port, "caseworker-aarhus", "demo"), "751", "Venter Testesen");
        UUID grant = grantConnect(citizen);
        WorkOrders.WorkOrder prepare = ofType(workOf(grant, 2), WorkOrderType.PREPARE);
        assertThat(prepare.waiting()).isEqualTo(WorkOrders.WAITING_FOR_DEVICE);
        assertThat(prepare.deviceSerial()).isNull();
        WebSession warehouse = WebSession.logIn(port, "warehouse", "demo");
        assertThat(warehouse.post("/work-orders/" + prepare.id() + "/done", form("minutes", "20", "outcome",
                "COMPLETED")).body()).contains("ingen ledig egnet enhed");
        assertThat(warehouse.get("/work-orders?flag=waiting").body()).contains("Venter: ingen ledig egnet enhed");

        warehouse.post("/devices", form("newSerial", "DT-42-NEW", "modelId", CONNECT, "supplier", "DoseTech ApS",
                "purchasedOn", devices.today().toString()));
        assertThat(workOrders.find(prepare.id()).orElseThrow().deviceSerial()).isEqualTo("DT-42-NEW");
        assertThat(workOrders.find(prepare.id()).orElseThrow().waiting()).isNull();
    }

    @Test
    void anInvalidTransitionIsRefusedOnTheDevicePageWithTheReasonAndNothingChanges() {
        WebSession warehouse = WebSession.logIn(port, "warehouse", "demo");
        warehouse.post("/devices", form("newSerial", "DT-41-SCRAP", "modelId", "b0000000-0000-4000-8000-000000000041",
                "supplier", "DoseTech ApS", "purchasedOn", "2025-06-01"));
        warehouse.post("/devices/DT-41-SCRAP/state", form("state", "SCRAPPED", "note", "Knust"));
        HttpResponse<String> refused = warehouse.post("/devices/DT-41-SCRAP/state", form("state", "IN_STOCK"));
        assertThat(refused.body()).contains("kan ikke gå fra SCRAPPED til IN_STOCK");
        assertThat(devices.require("DT-41-SCRAP").state()).isEqualTo(DeviceState.SCRAPPED);
        assertThat(devices.history("DT-41-SCRAP")).hasSize(2);
        assertThat(warehouse.follow(warehouse.get("/devices?serial=DT-41-SCRAP")).body()).contains("Kasseret").contains("Knust");
    }
}
