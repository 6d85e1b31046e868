package dk.fsc.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The devices', alarms' and warehouse's panels on the whole-citizen view: what an agent sees of a
 * citizen with an installed dispenser, a pause, an assessment, an overdue repair, an open alarm and
 * a delivered shipment; links only to pages the viewer may open; no actions in a caseworker's
 * read-only view; another municipality's caseworker still gets 404. The modules' rows are written
 * as their own use cases would have written them.
 */
@FscIntegrationTest
class CitizenPanelsTest {

    static final String DISPENSER_MODEL = "b0000000-0000-4000-8000-000000000040";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    static String panel(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    @Test
    void anAgentSeesDevicesAlarmsAndShipmentsAndACaseworkerTheSameWithoutActions() {
        Api.Response plan = Api.as(port, "admin", "demo").send("PUT", "/api/v1/municipalities/730/alarm-plan",
                "application/json", "{\"firstResponse\":\"FSC_AGENT\"}");
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        String citizen = Citizens.register(Api.as(port, "agent", "demo"), "730", "Panel Pedersen");
        UUID citizenId = UUID.fromString(citizen);
        Instant now = clock.instant();
        String serial = "PANEL-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into devices.device (serial, model_id, area_code, supplier, purchased_on, state, citizen_id,"
                + " changed_at) values (?, ?::uuid, 'DISPENSER', 'DoseTech ApS', ?, 'INSTALLED', ?, ?)")
                .params(serial, DISPENSER_MODEL, clock.today().minusYears(1), citizenId, Timestamp.from(now)).update();
        jdbc.sql("insert into devices.lease (id, serial, model_id, citizen_id, municipality, services, starts_on)"
                + " values (?, ?, ?::uuid, ?, '730', 'ALARM', ?)")
                .params(UUID.randomUUID(), serial, DISPENSER_MODEL, citizenId, clock.today().minusDays(10)).update();
        jdbc.sql("insert into devices.pause (id, citizen_id, from_day, to_day, reason, recorded_at) values (?, ?, ?, ?,"
                + " 'Sommerhus', ?)").params(UUID.randomUUID(), citizenId, clock.today().plusDays(3),
                        clock.today().plusDays(9), Timestamp.from(now)).update();
        jdbc.sql("insert into devices.assessment (id, citizen_id, municipality, answers, recommended, reasons,"
                + " rule_version, chosen, training, assessed_at, assessed_by) values (?, ?, '730', '{}', 'DISPENSER', '',"
                + " (select max(version) from devices.rule_set), 'DISPENSER_WITH_ALARM', false, ?, 'caseworker-randers')")
                .params(UUID.randomUUID(), citizenId, Timestamp.from(now.minus(Duration.ofDays(20)))).update();
        UUID repair = UUID.randomUUID();
        jdbc.sql("insert into devices.work_order (id, chain_key, type, status, citizen_id, municipality, device_serial,"
                + " priority, duration_min, due_at, created_at) values (?, ?, 'REPAIR', 'OPEN', ?, '730', ?, 1, 60, ?, ?)")
                .params(repair, "panel-" + repair, citizenId, serial, Timestamp.from(now.minus(Duration.ofHours(1))),
                        Timestamp.from(now.minus(Duration.ofDays(2)))).update();
        jdbc.sql("insert into alarms.alarm (id, cause, kind, serial, citizen_id, municipality_code, due_at, raised_at,"
                + " level, version) values (?, ?, 'MISSED_DOSE', ?, ?, '730', ?, ?, 1, nextval('alarms.alarm_version'))")
                .params(UUID.randomUUID(), "panel-" + serial, serial, citizenId, Timestamp.from(now),
                        Timestamp.from(now)).update();
        UUID order = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        jdbc.sql("insert into warehouse.fulfilment (order_id, citizen_id, municipality_code, paid_by, delivery_date,"
                + " postal_code, city, status, accepted_at, carrier, tracking_number, shipped_at, delivered_at,"
                + " shipment_id) values (?, ?, '730', 'MUNICIPALITY', ?, '8900', 'Randers C', 'DELIVERED', ?, 'PostNord',"
                + " 'TRACK-PANEL-1', ?, ?, ?)")
                .params(order, citizenId, clock.today().minusDays(3), Timestamp.from(now.minus(Duration.ofDays(5))),
                        Timestamp.from(now.minus(Duration.ofDays(4))), Timestamp.from(now.minus(Duration.ofDays(3))),
                        shipment).update();
        jdbc.sql("insert into warehouse.carrier_event (carrier_event_id, shipment_id, type, occurred_at, received_at,"
                + " reported_by, answer)"
                + " values (?, ?, 'DELIVERED', ?, ?, 'postnord', '{}')").params("panel-" + shipment, shipment,
                        Timestamp.from(now.minus(Duration.ofDays(3))), Timestamp.from(now)).update();

        String agentView = WebSession.logIn(port, "agent", "demo").get("/support/citizens/" + citizen).body();
        assertThat(panel(agentView, "devices-citizen-panel")).contains(serial, "<th scope=\"col\"", "Dispenser med alarm",
                "Sommerhus", "Reparation", "Frist overskredet").doesNotContain("/devices/" + serial, "/work-orders/");
        assertThat(panel(agentView, "alarms-citizen-panel")).contains("<h2", "Dosis ikke taget", "Ny",
                "/alarms/adherence/" + citizen);
        assertThat(panel(agentView, "shipments-citizen-panel")).contains("PostNord TRACK-PANEL-1", "Leveret",
                "<th scope=\"col\"");

        String adminView = WebSession.logIn(port, "admin", "demo").get("/support/citizens/" + citizen).body();
        assertThat(panel(adminView, "devices-citizen-panel")).contains("/devices/" + serial,
                "/work-orders/" + repair);
        assertThat(panel(adminView, "alarms-citizen-panel")).doesNotContain("Dosis ikke taget")
                .contains("/alarms/adherence/" + citizen);

        String readOnly = WebSession.logIn(port, "caseworker-randers", "demo").get("/support/citizens/" + citizen)
                .body();
        for (String id : new String[] { "devices-citizen-panel", "alarms-citizen-panel", "shipments-citizen-panel" }) {
            assertThat(panel(readOnly, id)).as(id).doesNotContain("<form", "<button", "/work-orders/",
                    "/devices/" + serial);
        }
        assertThat(panel(readOnly, "devices-citizen-panel")).contains(serial, "Sommerhus");
        assertThat(panel(readOnly, "shipments-citizen-panel")).contains("TRACK-PANEL-1");
        assertThat(WebSession.logIn(port, "caseworker-aarhus", "demo").get("/support/citizens/" + citizen)
                .statusCode()).isEqualTo(404);
    }
}
