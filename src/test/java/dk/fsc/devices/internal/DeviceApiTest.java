package dk.fsc.devices.internal;

import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dk.fsc.devices.WorkOrderType;
import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The devices API through a dispenser with the refill service: assessed, granted, prepared,
 * assigned and set up over the API, its next refill due before it runs empty, its services
 * changed by a new assessment, and the grant line taken out again; technicians, pauses and the
 * refusals as problem answers with the fields named, nothing changed.
 */
@FscIntegrationTest
class DeviceApiTest {

    static final String ANSWERS = """
            {"manageAlone":"no","reminderEnough":"no","dosesPerDay":"4","cognitive":"yes","visual":"no","motor":"no",
             "missedDoses":"yes","relativesHelp":"no","stable14Days":"yes"}""";

    @LocalServerPort
    int port;

    @Autowired
    WorkOrders workOrders;

    @Autowired
    DeviceRegister devices;

    @Autowired
    JdbcClient jdbc;

    Api as(String user) {
        return Api.as(port, user, "demo");
    }

    static String grant(String... lines) {
        return "{\"validFrom\":\"2026-01-01\",\"lines\":[" + String.join(",", lines) + "]}";
    }

    static final String CONNECT_LINE = "{\"productId\":\"" + DeviceWorkFlowTest.CONNECT
            + "\",\"quantity\":1,\"period\":\"YEAR\"}";
    static final String STOMA_LINE = "{\"area\":\"STOMA\",\"quantity\":30,\"period\":\"MONTH\"}";

    @Test
    void aDispenserWithRefillIsSetUpThroughTheApiAndTakenDownWhenItsLineLeavesTheGrant() {
        Api caseworker = as("caseworker-aarhus");
        String citizen = Citizens.register(caseworker, "751", "Api Andersen");
        String assessments = "/api/v1/citizens/" + citizen + "/device-assessments";
        assertThat(fields(assertProblem(caseworker.postJson(assessments, "{\"answers\":{\"manageAlone\":\"maybe\"}}"),
                400))).contains("manageAlone", "dosesPerDay", "chosen");
        assertThat(fields(assertProblem(caseworker.postJson(assessments, "{\"answers\":" + ANSWERS
                + ",\"chosen\":\"DISPENSER_WITH_REFILL\"}"), 400))).containsExactly("deviationReason");
        Api.Response assessed = caseworker.postJson(assessments, "{\"answers\":" + ANSWERS
                + ",\"chosen\":\"DISPENSER_WITH_REFILL\",\"deviationReason\":\"Hjemmeplejen kan ikke dosere\"}");
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(201);
        assertThat(assessed.json().path("recommended").asString()).isEqualTo("DISPENSER_WITH_ALARM");
        assertThat(as("caseworker-randers").get(assessments).status()).isEqualTo(404);
        assertThat(jdbc.sql("""
                select distinct e.serialized_event::json ->> 'recommended', e.serialized_event::json ->> 'chosen',
                    (e.serialized_event::json ->> 'ruleVersion')::int = a.rule_version, e.serialized_event::json ->> 'deviated',
                    e.serialized_event::json ->> 'madeOn' from event_publication e
                join devices.assessment a on a.id = (e.serialized_event::json ->> 'assessmentId')::uuid
                where e.event_type = 'dk.fsc.devices.AssessmentMade' and a.citizen_id = ?::uuid""").param(citizen)
                .query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3) + " "
                        + rs.getString(4) + " " + rs.getString(5)).list())
                .as("published once with the saved assessment, none for the refusals")
                .containsExactly("DISPENSER_WITH_ALARM DISPENSER_WITH_REFILL true true 2026-11-25");

        Api warehouse = as("warehouse");
        String newSerial = "DT-42-API-" + citizen.substring(0, 8);
        assertThat(fields(assertProblem(warehouse.postJson("/api/v1/devices", "{\"serial\":\"" + newSerial + "\"}"),
                400))).contains("modelId", "purchasedOn");
        String device = "{\"serial\":\"" + newSerial + "\",\"modelId\":\"" + DeviceWorkFlowTest.CONNECT
                + "\",\"supplier\":\"DoseTech ApS\",\"purchasedOn\":\"" + devices.today() + "\"}";
        assertThat(warehouse.postJson("/api/v1/devices", device).status()).isEqualTo(201);
        assertProblem(warehouse.postJson("/api/v1/devices", device), 409);
        Api.Response granted = caseworker.postJson("/api/v1/citizens/" + citizen + "/grants",
                grant(CONNECT_LINE, STOMA_LINE));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        UUID grant = UUID.fromString(granted.json().path("id").asString());
        List<WorkOrders.WorkOrder> work = await().atMost(Duration.ofSeconds(20))
                .until(() -> workOrders.ofGrant(grant), w -> w.size() >= 2);
        UUID prepare = of(work, WorkOrderType.PREPARE).id();
        UUID setup = of(work, WorkOrderType.SETUP).id();

        assertThat(fields(assertProblem(warehouse.postJson("/api/v1/work-orders/" + prepare + "/completion",
                "{\"minutes\":-5,\"outcome\":\"SOMETHING\"}"), 400))).containsExactlyInAnyOrder("minutes", "outcome");
        assertThat(warehouse.postJson("/api/v1/work-orders/" + prepare + "/completion",
                "{\"minutes\":20,\"outcome\":\"COMPLETED\"}").json().path("work").path("status").asString())
                .isEqualTo("DONE");
        String today = devices.today().toString();
        assertThat(fields(assertProblem(warehouse.postJson("/api/v1/work-orders/" + setup + "/assignment",
                "{\"technicianId\":\"" + DeviceWorkFlowTest.TINA + "\",\"day\":\"" + today + "\",\"start\":\"05:00\"}"),
                400))).contains("start");
        assertThat(warehouse.postJson("/api/v1/work-orders/" + setup + "/assignment", "{\"technicianId\":\""
                + DeviceWorkFlowTest.TINA + "\",\"day\":\"" + today + "\",\"start\":\"13:00\"}").status()).isEqualTo(200);
        String serial = workOrders.find(prepare).orElseThrow().deviceSerial();
        Api.Response installed = as("technician").postJson("/api/v1/work-orders/" + setup + "/completion",
                "{\"scan\":\"(01)" + DeviceWorkFlowTest.CONNECT_GTIN + "(21)" + serial
                        + "\",\"minutes\":30,\"outcome\":\"COMPLETED\"}");
        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
        assertThat(as("technician").get("/api/v1/devices/" + serial).json().path("device").path("state").asString())
                .isEqualTo("INSTALLED");

        WorkOrders.WorkOrder refill = workOrders.byChainKey("refill:" + setup).orElseThrow();
        Instant installedAt = workOrders.find(setup).orElseThrow().actualEnd();
        assertThat(refill.dueAt()).as("28 doses at 4 a day last 7 days: refill a day before")
                .isEqualTo(installedAt.plus(Duration.ofDays(6)));
        assertThat(refill.skills()).isEqualTo("REFILL");
        tools.jackson.databind.JsonNode noSkill = assertProblem(warehouse.inLanguage("da").postJson("/api/v1/work-orders/"
                + refill.id() + "/assignment", "{\"technicianId\":\"d0000000-0000-4000-8000-000000000003\",\"day\":\""
                + today + "\",\"start\":\"10:00\"}"), 400);
        assertThat(noSkill.path("errors").path(0).path("field").asString()).isEqualTo("technician");
        assertThat(noSkill.path("errors").path(0).path("message").asString())
                .isEqualTo("Hanne Holm har ikke kompetencen til dette arbejde (Genopfyldning).");
        assertThat(workOrders.find(refill.id()).orElseThrow().technicianId()).isNull();

        Api.Response reassessed = caseworker.postJson(assessments, "{\"answers\":" + ANSWERS
                + ",\"chosen\":\"DISPENSER_WITH_ALARM\"}");
        assertThat(reassessed.status()).as(reassessed.body()).isEqualTo(201);
        assertThat(caseworker.send("PUT", "/api/v1/grants/" + grant, "application/json",
                grant(CONNECT_LINE, STOMA_LINE)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> devices.leases(serial).getLast().services(),
                services -> services.equals(java.util.Set.of(dk.fsc.devices.DeviceService.ALARM)));

        assertThat(caseworker.send("PUT", "/api/v1/grants/" + grant, "application/json", grant(STOMA_LINE)).status())
                .isEqualTo(200);
        UUID lease = devices.leases(serial).getLast().id();
        await().atMost(Duration.ofSeconds(20)).until(() -> workOrders.byChainKey("lease:" + lease + ":takedown"),
                java.util.Optional::isPresent);
        assertThat(devices.leases(serial).getLast().endsOn()).isEqualTo(devices.today());
        assertThat(workOrders.find(refill.id()).orElseThrow().status()).isEqualTo(WorkOrders.Status.CANCELLED);
    }

    static String assessedWith(String chosen, String grant) {
        return "{\"answers\":" + ANSWERS + ",\"chosen\":\"" + chosen
                + "\",\"deviationReason\":\"\",\"training\":true,\"grant\":" + grant + "}";
    }

    static String dispenser(String modelId) {
        return "{\"modelId\":\"" + modelId + "\",\"quantity\":1,\"period\":\"YEAR\",\"validFrom\":\"2026-11-25\"}";
    }

    @Test
    void theDispenserIsGrantedWithTheAssessmentInOneRequestAndARefusalSavesNeitherOnce() throws Exception {
        Api caseworker = as("caseworker-aarhus");
        String citizen = Citizens.register(caseworker, "751", "Bevilling Bertelsen");
        String assessments = "/api/v1/citizens/" + citizen + "/device-assessments";
        String alarm = "DISPENSER_WITH_ALARM";
        assertThat(fields(assertProblem(caseworker.postJson(assessments, assessedWith(alarm,
                dispenser(UUID.randomUUID().toString()))), 400))).as("unknown model").containsExactly("grant.modelId");
        assertThat(fields(assertProblem(caseworker.postJson(assessments, assessedWith(alarm,
                dispenser("b0000000-0000-4000-8000-000000000050"))), 400))).as("a telehealth kit")
                .containsExactly("grant.modelId");
        assertThat(fields(assertProblem(caseworker.postJson(assessments, assessedWith(alarm,
                dispenser("b0000000-0000-4000-8000-000000000040"))), 400))).as("no alarm in the model")
                .containsExactly("grant.modelId");
        assertThat(fields(assertProblem(caseworker.postJson(assessments, assessedWith("DISPENSER",
                dispenser(DeviceWorkFlowTest.CONNECT))), 400))).as("deviation without reason")
                .containsExactly("deviationReason");
        assertThat(fields(assertProblem(caseworker.postJson(assessments, assessedWith("SELF_MANAGED",
                "{\"quantity\":1,\"period\":\"YEAR\",\"validFrom\":\"2026-11-25\"}")), 400)))
                .as("a step without a dispenser").contains("chosen");
        assertThat(fields(assertProblem(caseworker.postJson(assessments, assessedWith(alarm,
                "{\"quantity\":0,\"period\":\"WEEK\",\"validFrom\":\"2026-11-25\",\"validTo\":\"2026-01-01\"}")),
                400))).as("the grants module's own rules").containsExactlyInAnyOrder("grant.validTo", "grant.quantity",
                        "grant.period");
        tools.jackson.databind.JsonNode both = assertProblem(caseworker.inLanguage("da").postJson(assessments,
                assessedWith("DISPENSER", "{\"quantity\":0,\"period\":\"YEAR\",\"validFrom\":\"2026-11-25\","
                        + "\"validTo\":\"2026-01-01\"}")), 400);
        assertThat(fields(both)).as("the assessment's and the grant's errors in one answer")
                .containsExactlyInAnyOrder("deviationReason", "grant.quantity", "grant.validTo");
        assertThat(both.path("errors").findValuesAsString("message")).as("each in Danish").contains(
                "Skriv, hvorfor du vælger et andet trin end det anbefalede.")
                .anyMatch(message -> message.startsWith("Antallet skal være et helt tal fra 1 til"));
        String valid = assessedWith(alarm, dispenser(DeviceWorkFlowTest.CONNECT));
        assertProblem(as("caseworker-randers").postJson(assessments, valid), 404);
        assertThat(saved(citizen)).as("nothing half-saved").isZero();
        assertThat(caseworker.get("/api/v1/citizens/" + citizen + "/grants").json().size()).isZero();

        int readsBefore = audited(citizen, "grant.read");
        Api.Response assessed = caseworker.postJson(assessments, valid);
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(201);
        assertThat(audited(citizen, "grant.read")).as("the grant's check adds no row to the request's")
                .isEqualTo(readsBefore);
        assertThat(audited(citizen, "grant.make")).isEqualTo(1);
        UUID grant = UUID.fromString(assessed.json().path("grantId").asString());
        tools.jackson.databind.JsonNode line = caseworker.get("/api/v1/grants/" + grant).json().path("lines").path(0);
        assertThat(line.path("productId").asString() + " " + line.path("quantity").asInt() + " "
                + line.path("period").asString()).isEqualTo(DeviceWorkFlowTest.CONNECT + " 1 YEAR");
        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> workOrders.ofGrant(grant), w -> w.size() >= 3))
                .extracting(WorkOrders.WorkOrder::type).containsExactlyInAnyOrder(WorkOrderType.PREPARE,
                        WorkOrderType.SETUP, WorkOrderType.TRAINING);
        UUID setup = workOrders.ofGrant(grant).stream().filter(w -> w.type() == WorkOrderType.SETUP).findFirst()
                .orElseThrow().id();
        Api admin = as("admin").inLanguage("da");
        String completion = "/api/v1/work-orders/" + setup + "/completion";
        assertThat(reason(assertProblem(admin.postJson(completion, "{\"scan\":\"DEMO-DISP-751\",\"minutes\":30,"
                + "\"outcome\":\"COMPLETED\"}"), 400), "scan")).as("a device installed twice")
                .isEqualTo("Enheden DEMO-DISP-751 er allerede installeret hos en borger.");
        String scrapped = "DT-42-X-" + citizen.substring(0, 8);
        as("warehouse").postJson("/api/v1/devices", "{\"serial\":\"" + scrapped + "\",\"modelId\":\""
                + DeviceWorkFlowTest.CONNECT + "\",\"supplier\":\"DoseTech ApS\",\"purchasedOn\":\"2025-01-01\"}");
        as("warehouse").postJson("/api/v1/devices/" + scrapped + "/state", "{\"state\":\"SCRAPPED\"}");
        assertThat(reason(assertProblem(admin.postJson(completion, "{\"scan\":\"(01)" + DeviceWorkFlowTest.CONNECT_GTIN
                + "(21)" + scrapped + "\",\"minutes\":30,\"outcome\":\"COMPLETED\"}"), 400), "scan"))
                .isEqualTo("Enheden " + scrapped + " er kasseret.");
        assertThat(reason(assertProblem(admin.postJson("/api/v1/devices/" + scrapped + "/state",
                "{\"state\":\"IN_STOCK\"}"), 400), "state")).as("an invalid transition")
                .startsWith("Enheden " + scrapped + " kan ikke gå fra");
        assertThat(devices.require(scrapped).state()).isEqualTo(DeviceState.SCRAPPED);
        assertThat(workOrders.find(setup).orElseThrow().status()).isNotEqualTo(WorkOrders.Status.DONE);
        assertThat(fields(assertProblem(caseworker.postJson(assessments, valid), 409))).as("submitted twice")
                .containsExactly("grant.modelId");
        assertThat(saved(citizen)).isEqualTo(1);
        assertThat(caseworker.get("/api/v1/citizens/" + citizen + "/grants").json().size()).isEqualTo(1);

        String other = Citizens.register(caseworker, "751", "Samtidig Sørensen");
        String twice = "/api/v1/citizens/" + other + "/device-assessments";
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> caseworker.postJson(twice, valid).status());
        int second = caseworker.postJson(twice, valid).status();
        assertThat(List.of(first.get(), second)).as("two submits at once").containsExactlyInAnyOrder(201, 409);
        assertThat(caseworker.get("/api/v1/citizens/" + other + "/grants").json().size()).isEqualTo(1);
    }

    static String reason(tools.jackson.databind.JsonNode problem, String field) {
        assertThat(fields(problem)).containsExactly(field);
        return problem.path("errors").path(0).path("message").asString();
    }

    int audited(String citizen, String action) {
        return jdbc.sql("select count(*) from identity.audit_log where citizen_id = ?::uuid and action = ?")
                .params(citizen, action).query(Integer.class).single();
    }

    int saved(String citizen) {
        return jdbc.sql("select count(*) from devices.assessment where citizen_id = ?::uuid").param(citizen)
                .query(Integer.class).single();
    }

    @Test
    void aGrantLineTakenOutBeforeTheSetupCancelsItsWorkAndFreesTheDevice() {
        Api caseworker = as("caseworker-aarhus");
        String citizen = Citizens.register(caseworker, "751", "Linje Larsen");
        UUID grant = UUID.fromString(caseworker.postJson("/api/v1/citizens/" + citizen + "/grants",
                grant(CONNECT_LINE, STOMA_LINE)).json().path("id").asString());
        WorkOrders.WorkOrder prepare = of(await().atMost(Duration.ofSeconds(20))
                .until(() -> workOrders.ofGrant(grant), w -> w.size() >= 2), WorkOrderType.PREPARE);
        caseworker.send("PUT", "/api/v1/grants/" + grant, "application/json", grant(STOMA_LINE));
        await().atMost(Duration.ofSeconds(20)).until(() -> workOrders.ofGrant(grant).stream()
                .allMatch(w -> w.status() == WorkOrders.Status.CANCELLED));
        if (prepare.deviceSerial() != null) {
            assertThat(devices.require(prepare.deviceSerial()).workOrderId()).as("set aside no more").isNull();
        }
    }

    @Test
    void techniciansPausesDevicesAndRulesAnswerWithProblemsForBadInputAndOtherRoles() {
        Api admin = as("admin");
        assertThat(fields(assertProblem(admin.postJson("/api/v1/technicians",
                "{\"name\":\"\",\"homePostal\":\"80\",\"dayStart\":\"16:00\",\"dayEnd\":\"08:00\",\"skills\":[\"FLYING\"]}"),
                400))).containsExactlyInAnyOrder("name", "homePostal", "dayEnd", "skills");
        Api.Response added = admin.postJson("/api/v1/technicians", """
                {"name":"Api Tekniker","username":"api-tech","homePostal":"8200","dayStart":"07:30","dayEnd":"15:30",
                 "skills":["DISPENSER","REFILL"]}""");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertProblem(admin.postJson("/api/v1/technicians", """
                {"name":"Another","username":"api-tech","homePostal":"8000","dayStart":"08:00","dayEnd":"16:00"}"""), 409);
        String id = added.json().path("id").asString();
        assertThat(admin.send("PUT", "/api/v1/technicians/" + id, "application/json", """
                {"name":"Api Teknikersen","username":"api-tech","homePostal":"8200","dayStart":"07:30","dayEnd":"16:30",
                 "skills":["REPAIR"]}""").json().path("dayEnd").asString()).startsWith("16:30");
        assertThat(admin.postJson("/api/v1/technicians/" + id + "/absences",
                "{\"from\":\"2026-12-01\",\"to\":\"2026-11-30\"}").status()).isEqualTo(400);
        assertThat(as("caseworker-aarhus").get("/api/v1/technicians").status()).isEqualTo(403);

        Api caseworker = as("caseworker-aarhus");
        String citizen = Citizens.register(caseworker, "751", "Pause Poulsen");
        String pauses = "/api/v1/citizens/" + citizen + "/device-pauses";
        assertThat(fields(assertProblem(caseworker.postJson(pauses, "{\"from\":\"2026-12-10\",\"to\":\"2026-12-01\"}"),
                400))).containsExactly("to");
        Api.Response paused = caseworker.postJson(pauses, "{\"from\":\"2026-12-01\",\"to\":\"2026-12-10\",\"reason\":\"Ferie\"}");
        assertThat(paused.status()).as(paused.body()).isEqualTo(201);
        String pause = paused.json().path("id").asString();
        assertThat(caseworker.send("DELETE", pauses + "/" + pause, "application/json", "").status()).isEqualTo(204);
        assertThat(caseworker.send("DELETE", pauses + "/" + pause, "application/json", "").status()).isEqualTo(204);
        assertThat(caseworker.get(pauses).json().size()).isZero();
        assertThat(caseworker.send("DELETE", pauses + "/" + UUID.randomUUID(), "application/json", "").status())
                .isEqualTo(404);
        assertThat(as("caseworker-randers").send("DELETE", pauses + "/" + pause, "application/json", "").status())
                .isEqualTo(404);

        Api warehouse = as("warehouse");
        assertThat(fields(assertProblem(warehouse.get("/api/v1/devices?state=FLYING"), 400))).containsExactly("state");
        assertProblem(warehouse.get("/api/v1/devices/NO-SUCH-SERIAL"), 404);
        tools.jackson.databind.JsonNode demo = warehouse.get("/api/v1/devices/DEMO-DISP-751").json();
        assertThat(demo.path("device").path("state").asString()).as("the alarms demo's dispenser").isEqualTo("INSTALLED");
        assertThat(demo.path("leases").path(0).path("citizenId").asString())
                .isEqualTo("a0000000-0000-4000-8000-000000000751");
        assertThat(demo.path("leases").path(0).path("services").toString()).contains("ALARM", "REFILL");
        assertThat(warehouse.get("/api/v1/devices?state=IN_STOCK&size=2").json().path("items").size()).isEqualTo(2);
        assertThat(fields(assertProblem(warehouse.postJson("/api/v1/devices/DT-42-001/state",
                "{\"state\":\"INSTALLED\"}"), 400))).containsExactly("state");
        assertThat(caseworker.get("/api/v1/devices").status()).isEqualTo(403);
        assertThat(fields(assertProblem(warehouse.postJson("/api/v1/day-plans/2020-01-01", ""), 400)))
                .containsExactly("day");

        assertThat(admin.get("/api/v1/device-rules").json().path("version").asInt()).isPositive();
        assertThat(admin.postJson("/api/v1/device-rules/test", "{\"answers\":" + ANSWERS + "}").json().path("level")
                .asString()).isEqualTo("DISPENSER_WITH_ALARM");
        assertThat(reason(assertProblem(admin.inLanguage("da").postJson("/api/v1/device-rules",
                "{\"text\":\"fits SELF_MANAGED when manageAlone=yes because x\",\"basedOn\":1}"), 400), "rules"))
                .as("rules with a gap").startsWith("Reglerne har et hul: ingen regel passer fx til svarene");
        assertThat(as("warehouse").get("/api/v1/device-rules").status()).isEqualTo(403);
    }

    private static WorkOrders.WorkOrder of(List<WorkOrders.WorkOrder> work, WorkOrderType type) {
        return work.stream().filter(w -> w.type() == type).findFirst().orElseThrow();
    }
}
