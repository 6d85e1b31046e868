package dk.fsc.alarms.internal;

import static dk.fsc.alarms.internal.AlarmFixtures.batch;
import static dk.fsc.alarms.internal.AlarmFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dk.fsc.citizens.CitizenId;
import dk.fsc.devices.CitizenPaused;
import dk.fsc.devices.DeviceService;
import dk.fsc.jobs.Jobs;
import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import dk.fsc.testing.Dispensers;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Device events through the signed endpoint, dose schedules across daylight saving, missed-dose
 * detection and the alarm's handling through the API, with the bad input the issue names.
 */
@FscIntegrationTest
class AlarmsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Detection detection;
    @Autowired
    AlarmJobs.EventPartitions partitions;
    @Autowired
    DoseCounts doseCounts;
    @Autowired
    Jobs jobs;

    Api as(String user) {
        return Api.as(port, user, "demo");
    }

    String installedDispenser(String municipality, String caseworker, Set<DeviceService> services) {
        String citizen = Citizens.register(as(caseworker), municipality, "Dosis Testesen");
        return Dispensers.install(events, transactions, jdbc, citizen, municipality, services, clock.today());
    }

    @Test
    void aBatchKeepsItsGoodEventsAndAnswersEachBadOneWithItsReason() {
        AlarmFixtures.Vendor vendor = AlarmFixtures.vendor(port);
        String serial = installedDispenser("751", "caseworker-aarhus", Set.of(DeviceService.ALARM));
        Instant now = clock.instant();
        String good = event("e1-" + serial, "heartbeat", serial, now, null);
        String body = batch(good, event("e2-" + serial, "something_new", serial, now, null),
                event("e3-" + serial, "heartbeat", "NOT-INSTALLED-" + serial, now, null),
                "{\"id\":\"e4-" + serial + "\",\"type\":\"heartbeat\",\"serial\":\"" + serial + "\"}",
                event("e5-" + serial, "dose_taken", serial, now, null), good);

        AlarmFixtures.Answer answer = AlarmFixtures.send(port, vendor, now, body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var json = answer.json();
        assertThat(json.path("accepted").asInt()).isEqualTo(3);
        assertThat(json.path("refused").asInt()).isEqualTo(2);
        assertThat(json.path("duplicates").asInt()).isEqualTo(1);
        var results = json.path("results");
        assertThat(results.get(1).path("flags").get(0).asString()).isEqualTo("unknown-type");
        assertThat(results.get(2).path("flags").get(0).asString()).isEqualTo("device-not-installed");
        assertThat(results.get(3).path("reason").asString()).contains("time");
        assertThat(results.get(4).path("reason").asString()).contains("dueAt");
        assertThat(results.get(5).path("status").asString()).isEqualTo("DUPLICATE");
        assertThat(jdbc.sql("select count(*) from alarms.device_event where vendor = ?").param(vendor.code())
                .query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select installed from alarms.device_event where event_id = ?").param("e3-" + serial)
                .query(Boolean.class).single()).isFalse();

        AlarmFixtures.Answer again = AlarmFixtures.send(port, vendor, now.plusSeconds(5), body);
        assertThat(again.json().path("duplicates").asInt()).as("a repeated batch stores nothing twice").isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from alarms.device_event where vendor = ?").param(vendor.code())
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void anUntrustedOrUnreadableBatchIsRefusedWholeAndStoresNothing() {
        AlarmFixtures.Vendor vendor = AlarmFixtures.vendor(port);
        Instant now = clock.instant();
        String body = batch(event("x1-" + vendor.code(), "heartbeat", "S-1", now, null));

        assertThat(AlarmFixtures.send(port, vendor.apiKey(), StandardWebhooks.newSecret(), now, body).status())
                .as("signed with another secret").isEqualTo(401);
        AlarmFixtures.Answer stale = AlarmFixtures.send(port, vendor, now.minus(Duration.ofMinutes(6)), body);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.json().path("detail").asString()).contains("5 minutes");
        assertThat(AlarmFixtures.send(port, vendor, now.plus(Duration.ofMinutes(6)), body).status()).isEqualTo(401);
        assertThat(AlarmFixtures.send(port, vendor, now, "{\"events\":[").status()).isEqualTo(400);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(event("m" + i, "heartbeat", "S-1", now, null));
        }
        AlarmFixtures.Answer tooMany = AlarmFixtures.send(port, vendor, now, batch(many.toArray(String[]::new)));
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.json().path("detail").asString()).contains("1000");
        AlarmFixtures.Answer tooBig = AlarmFixtures.send(port, vendor, now,
                "{\"events\":[],\"padding\":\"" + "x".repeat(1_100_000) + "\"}");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().path("detail").asString()).contains("1048576");

        String otherKey = Api.as(port, "admin", "demo").postJson("/api/v1/api-keys",
                "{\"name\":\"No vendor " + UUID.randomUUID() + "\",\"scopes\":[\"DEVICE_EVENTS_WRITE\"]}").json()
                .path("key").asString();
        assertThat(AlarmFixtures.send(port, otherKey, vendor.secret(), now, body).status())
                .as("an API key that is no vendor's").isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from alarms.device_event where vendor = ?").param(vendor.code())
                .query(Long.class).single()).isZero();

        String rotated = StandardWebhooks.newSecret();
        Api.as(port, "admin", "demo").send("PUT", "/api/v1/alarm-vendors/" + vendor.code(), "application/json",
                "{\"apiKeyName\":\"Dispenser vendor " + vendor.code() + "\",\"secret\":\"" + rotated + "\"}");
        assertThat(AlarmFixtures.send(port, vendor, now, body).status()).as("the old secret, during rotation")
                .isEqualTo(200);
        assertThat(AlarmFixtures.send(port, vendor.apiKey(), rotated, now,
                batch(event("x2-" + vendor.code(), "heartbeat", "S-1", now, null))).status()).isEqualTo(200);
    }

    @Test
    void aDoseNotTakenByGraceExpiryRaisesOneAlarmThatHomeCareTakesAndClosesOnce() {
        clock.setDanish(LocalDateTime.parse("2026-11-25T07:00"));
        AlarmFixtures.Vendor vendor = AlarmFixtures.vendor(port);
        String serial = installedDispenser("751", "caseworker-aarhus", Set.of(DeviceService.ALARM, DeviceService.REFILL));
        String quiet = installedDispenser("751", "caseworker-aarhus", Set.of());
        Api.Response schedule = as("caseworker-aarhus").send("PUT", "/api/v1/devices/" + serial + "/dose-schedule",
                "application/json", "{\"doseTimes\":[\"08:00\",\"12:00\"]}");
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(200);
        assertThat(schedule.json().path("graceMinutes").asInt()).isEqualTo(30);
        as("caseworker-aarhus").send("PUT", "/api/v1/devices/" + quiet + "/dose-schedule", "application/json",
                "{\"doseTimes\":[\"08:00\"]}");
        assertThat(as("caseworker-randers").send("PUT", "/api/v1/devices/" + serial + "/dose-schedule",
                "application/json", "{\"doseTimes\":[\"08:00\"]}").status()).isEqualTo(404);
        assertThat(as("caseworker-aarhus").send("PUT", "/api/v1/devices/" + serial + "/dose-schedule",
                "application/json", "{\"doseTimes\":[\"8 o'clock\"]}").status()).isEqualTo(400);

        Instant eight = Instant.parse("2026-11-25T07:00:00Z");
        Instant noon = Instant.parse("2026-11-25T11:00:00Z");
        clock.set(eight.plus(Duration.ofMinutes(29)));
        detection.detect();
        assertThat(alarmsOf(serial)).isZero();
        clock.set(eight.plus(Duration.ofMinutes(30)));
        detection.detect();
        detection.detect();
        assertThat(alarmsOf(serial)).as("once, however often detection runs").isEqualTo(1);
        assertThat(alarmsOf(quiet)).as("no alarm service: counted, not alarmed").isZero();
        assertThat(jdbc.sql("select count(*) from alarms.alarm where serial = ? and kind = 'OFFLINE'").param(serial)
                .query(Long.class).single()).as("silent since it was installed").isEqualTo(1);
        assertThat(jdbc.sql("select state from alarms.due_dose where serial = ? and due_at = ?")
                .params(quiet, OffsetDateTime.parse("2026-11-25T07:00:00Z")).query(String.class).single())
                .isEqualTo("MISSED");

        clock.set(noon.plus(Duration.ofMinutes(10)));
        assertThat(AlarmFixtures.send(port, vendor, clock.instant(),
                batch(event("t-" + serial, "dose_taken", serial, clock.instant(), noon))).status()).isEqualTo(200);
        clock.set(noon.plus(Duration.ofHours(1)));
        detection.detect();
        assertThat(alarmsOf(serial)).as("the noon dose was taken").isEqualTo(1);

        String alarm = jdbc.sql("select id::text from alarms.alarm where serial = ? and kind = 'MISSED_DOSE'").param(serial).query(String.class)
                .single();
        assertThat(as("homecare-randers").postJson("/api/v1/alarms/" + alarm + "/acknowledge", "").status())
                .as("another municipality's alarm").isEqualTo(404);
        assertThat(as("homecare-aarhus").get("/api/v1/alarms").body()).contains(alarm);
        assertThat(as("homecare-randers").get("/api/v1/alarms").body()).doesNotContain(alarm);
        Api.Response acknowledged = as("homecare-aarhus").postJson("/api/v1/alarms/" + alarm + "/acknowledge", "");
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        assertThat(acknowledged.json().path("acknowledgedBy").asString()).isEqualTo("homecare-aarhus");
        assertThat(as("homecare-aarhus").postJson("/api/v1/alarms/" + alarm + "/close", "{\"outcome\":\"LOST\"}")
                .status()).isEqualTo(400);
        Api.Response closed = as("homecare-aarhus").postJson("/api/v1/alarms/" + alarm + "/close",
                "{\"outcome\":\"DEVICE_FAULT\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        Api.Response twice = as("homecare-aarhus").postJson("/api/v1/alarms/" + alarm + "/close",
                "{\"outcome\":\"FALSE_ALARM\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(published("AlarmRaised", alarm)).as("told once, with the times").containsExactly(alarm);
        assertThat(published("AlarmClosed", alarm)).as("closed once, told once")
                .containsExactly(alarm);
        assertThat(jdbc.sql("select outcome from alarms.alarm where id = ?::uuid").param(alarm).query(String.class)
                .single()).isEqualTo("DEVICE_FAULT");
        assertThat(jdbc.sql("select count(*) from alarms.work_request where type = 'REPAIR' and serial = ?")
                .param(serial).query(Long.class).single())
                .as("a repair is requested").isEqualTo(1);

        Api.Response followUp = as("homecare-aarhus").get("/api/v1/municipalities/751/alarm-follow-up?from=2026-11-25&to=2026-11-25");
        assertThat(followUp.status()).as(followUp.body()).isEqualTo(200);
        assertThat(followUp.json().path("alarms").asLong()).isPositive();
        assertThat(followUp.body()).as("the offline alarm is past its target, still open").contains(serial);
        Api.Response csv = as("homecare-aarhus").get("/api/v1/municipalities/751/alarm-follow-up.csv?from=2026-11-25&to=2026-11-25", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("alarm,kind,device,due").contains(serial);
        assertThat(as("homecare-randers").get("/api/v1/municipalities/751/alarm-follow-up").status()).isEqualTo(404);
        assertThat(as("homecare-aarhus").get("/api/v1/municipalities/751/alarm-follow-up?from=2026-11-25&to=2026-11-01")
                .status()).isEqualTo(400);
        String quietCitizen = jdbc.sql("select citizen_id::text from alarms.installed_device where serial = ?").param(quiet)
                .query(String.class).single();
        Api.Response adherence = as("homecare-aarhus").get("/api/v1/citizens/" + quietCitizen + "/adherence");
        assertThat(adherence.status()).as(adherence.body()).isEqualTo(200);
        assertThat(adherence.json().get(0).path("due").asLong()).isEqualTo(1);
        assertThat(adherence.json().get(0).path("takenOnTime").asLong()).isZero();
    }

    @Test
    void aDoseAtHalfPastTwoOnTheSpringForwardNightIsDueOnceAnHourLaterByTheClock() {
        clock.setDanish(LocalDateTime.parse("2027-03-27T12:00"));
        String serial = installedDispenser("751", "caseworker-aarhus", Set.of(DeviceService.ALARM));
        Api.Response schedule = as("caseworker-aarhus").send("PUT", "/api/v1/devices/" + serial + "/dose-schedule",
                "application/json", "{\"doseTimes\":[\"02:30\"],\"graceMinutes\":20}");
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(200);
        assertThat(schedule.json().path("notes").get(0).asString()).contains("2027-03-28").contains("03:30");
        assertThat(jdbc.sql("select due_at from alarms.due_dose where serial = ? order by due_at").param(serial)
                .query(OffsetDateTime.class).list().stream().map(OffsetDateTime::toInstant).toList())
                .containsExactly(Instant.parse("2027-03-28T01:30:00Z"), Instant.parse("2027-03-29T00:30:00Z"));
        assertThat(DoseSchedules.dueAt(java.time.LocalDate.parse("2027-03-28"), java.time.LocalTime.parse("02:30")))
                .isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
    }

    @Test
    void devicesAskForRefillAndServiceWorkOnce() {
        clock.setDanish(LocalDateTime.parse("2026-11-25T07:00"));
        AlarmFixtures.Vendor vendor = AlarmFixtures.vendor(port);
        String refill = installedDispenser("751", "caseworker-aarhus", Set.of(DeviceService.ALARM, DeviceService.REFILL));
        String noRefill = installedDispenser("751", "caseworker-aarhus", Set.of(DeviceService.ALARM));
        Instant now = clock.instant();

        send(vendor, event("low1-" + refill, "doses_low", refill, now, null),
                event("low2-" + refill, "doses_low", refill, now.plusSeconds(60), null),
                event("low-" + noRefill, "doses_low", noRefill, now, null));
        assertThat(workRequests(refill, "REFILL")).as("one refill until it is done").isEqualTo(1);
        assertThat(workRequests(noRefill, "REFILL")).as("refill not bought").isZero();
        send(vendor, event("done-" + refill, "refill_done", refill, now.plusSeconds(120), null));
        send(vendor, event("low3-" + refill, "doses_low", refill, now.plusSeconds(180), null));
        assertThat(workRequests(refill, "REFILL")).as("low again after the refill").isEqualTo(2);

        for (int day = 3; day >= 0; day--) {
            send(vendor, event("off" + day + "-" + refill, "offline", refill, now.minus(Duration.ofDays(day)), null));
            assertThat(workRequests(refill, "SERVICE")).isEqualTo(day > 1 ? 0 : 1);
        }
        assertThat(jdbc.sql("select count(*) from alarms.alarm where serial = ?").param(refill).query(Long.class)
                .single()).as("doses low and offline events are logistics, not alarms").isZero();
    }

    @Test
    void aPausedCitizenRaisesNoAlarmButTheDoseCountsAndAnotherEscalatesByThePlan() {
        clock.setDanish(LocalDateTime.parse("2026-11-25T07:00"));
        AlarmFixtures.Vendor vendor = AlarmFixtures.vendor(port);
        String paused = installedDispenser("751", "caseworker-aarhus", Set.of(DeviceService.ALARM));
        String escalating = installedDispenser("751", "caseworker-aarhus", Set.of(DeviceService.ALARM));
        UUID citizen = jdbc.sql("select citizen_id from alarms.installed_device where serial = ?").param(paused)
                .query(UUID.class).single();
        UUID pause = UUID.randomUUID();
        transactions.executeWithoutResult(status -> events.publishEvent(new CitizenPaused(pause, new CitizenId(citizen),
                clock.today(), clock.today().plusDays(2), false, clock.instant())));
        for (int i = 0; i < 200 && jdbc.sql("select count(*) from alarms.pause where pause_id = ?").param(pause)
                .query(Long.class).single() == 0; i++) {
            sleep();
        }
        for (String serial : List.of(paused, escalating)) {
            assertThat(as("caseworker-aarhus").send("PUT", "/api/v1/devices/" + serial + "/dose-schedule",
                    "application/json", "{\"doseTimes\":[\"08:00\"]}").status()).isEqualTo(200);
        }
        send(vendor, event("tamper-" + paused, "tamper", paused, clock.instant(), null));

        Instant grace = Instant.parse("2026-11-25T07:30:00Z");
        clock.set(grace);
        detection.detect();
        assertThat(jdbc.sql("select count(*) from alarms.alarm where serial = ?").param(paused).query(Long.class).single())
                .as("no alarm of any kind while paused").isZero();
        assertThat(jdbc.sql("select state from alarms.due_dose where serial = ? and grace_until = ?")
                .params(paused, OffsetDateTime.parse("2026-11-25T07:30:00Z")).query(String.class).single())
                .as("counted for adherence").isEqualTo("MISSED");
        assertThat(alarmsOf(escalating)).isEqualTo(1);

        int[] expected = { 0, 1, 1, 2, 2 };
        Duration[] after = { Duration.ofMinutes(44), Duration.ofMinutes(45), Duration.ofMinutes(74),
                Duration.ofMinutes(75), Duration.ofHours(3) };
        for (int i = 0; i < after.length; i++) {
            clock.set(grace.plus(after[i]));
            detection.escalate(clock.instant());
            assertThat(jdbc.sql("select level from alarms.alarm where serial = ? and kind = 'MISSED_DOSE'")
                    .param(escalating).query(Integer.class).single()).as("level after " + after[i]).isEqualTo(expected[i]);
        }

        transactions.executeWithoutResult(status -> events.publishEvent(new CitizenPaused(pause, new CitizenId(citizen),
                clock.today(), clock.today().plusDays(2), true, clock.instant())));
        for (int i = 0; i < 200 && !jdbc.sql("select cancelled from alarms.pause where pause_id = ?").param(pause)
                .query(Boolean.class).single(); i++) {
            sleep();
        }
        send(vendor, event("tamper2-" + paused, "tamper", paused, clock.instant(), null));
        assertThat(jdbc.sql("select count(*) from alarms.alarm where serial = ? and kind = 'TAMPER'").param(paused)
                .query(Long.class).single()).as("alarms again once the pause is cancelled").isEqualTo(1);
    }

    @Test
    void eventsAreKeptInMonthlyPartitionsMadeAheadAndDroppedPastTheRetention() {
        clock.setDanish(LocalDateTime.parse("2031-01-15T10:00"));
        partitions.maintain();
        assertThat(partitionsFrom("2031")).containsExactly("device_event_2031_01", "device_event_2031_02",
                "device_event_2031_03", "device_event_2031_04");
        AlarmFixtures.Vendor vendor = AlarmFixtures.vendor(port);
        String serial = installedDispenser("751", "caseworker-aarhus", Set.of(DeviceService.ALARM));
        send(vendor, event("kept-" + serial, "heartbeat", serial, clock.instant(), null));
        assertThat(jdbc.sql("select tableoid::regclass::text from alarms.device_event where event_id = ?")
                .param("kept-" + serial).query(String.class).single()).isEqualTo("alarms.device_event_2031_01");

        clock.setDanish(LocalDateTime.parse("2032-03-10T10:00"));
        partitions.maintain();
        assertThat(partitionsFrom("2031")).as("13 months kept: January 2031 is gone").startsWith("device_event_2031_02");
        assertThat(partitionsFrom("2032")).contains("device_event_2032_06");
        assertThat(jdbc.sql("select count(*) from alarms.event_key where event_id = ?").param("kept-" + serial)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theFormsForPlansVendorsAndDoseTimesShowEachReasonNextToItsFieldAndSaveWhatIsRight() {
        clock.setDanish(LocalDateTime.parse("2026-11-25T07:00"));
        WebSession admin = WebSession.logIn(port, "admin", "demo");
        var refused = admin.post("/alarms/settings/plans", "municipalityCode=741&firstResponse=FSC_AGENT"
                + "&escalationMinutes=75%2C+45&webhookUrl=ftp%3A%2F%2Fx&targetAcknowledgeMinutes=15&targetCloseMinutes=5");
        assertThat(refused.body()).contains("id=\"escalationMinutes-error\"", "id=\"targetCloseMinutes-error\"")
                .contains("Eskaleringstiderne skal være stigende").contains("value=\"75, 45\"");
        assertThat(as("admin").get("/api/v1/municipalities/741/alarm-plan").json().path("firstResponse").asString())
                .as("nothing half-saved").isEqualTo("HOMECARE");
        var saved = admin.follow(admin.post("/alarms/settings/plans", "municipalityCode=741&firstResponse=FSC_AGENT"
                + "&escalationMinutes=30%2C+60&targetAcknowledgeMinutes=10&targetCloseMinutes=90"));
        assertThat(saved.body()).contains("id=\"saved\"", "id=\"plan-741\"");
        assertThat(as("admin").get("/api/v1/municipalities/741/alarm-plan").json().path("escalationMinutes").toString())
                .isEqualTo("[30,60]");
        String code = "form-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(admin.post("/alarms/settings/vendors", "code=" + code + "&apiKeyName=&secret=kort").body())
                .contains("id=\"apiKeyName-error\"", "id=\"secret-error\"", "Hemmeligheden skal være whsec_");
        admin.post("/alarms/settings/vendors", "code=" + code + "&apiKeyName=Form+vendor&secret="
                + java.net.URLEncoder.encode(StandardWebhooks.newSecret(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(as("admin").get("/api/v1/alarm-vendors").body()).contains(code).doesNotContain("whsec_");

        String serial = installedDispenser("751", "caseworker-aarhus", Set.of(DeviceService.ALARM));
        String citizen = jdbc.sql("select citizen_id::text from alarms.installed_device where serial = ?").param(serial)
                .query(String.class).single();
        WebSession homecare = WebSession.logIn(port, "homecare-aarhus", "demo");
        assertThat(homecare.get("/alarms/adherence/" + citizen).body()).contains("doseTimes-" + serial);
        var badTimes = homecare.post("/alarms/devices/" + serial + "/dose-schedule", "doseTimes=8+o%27clock&graceMinutes=500");
        assertThat(badTimes.body()).contains("id=\"doseTimes-" + serial + "-error\"",
                "id=\"graceMinutes-" + serial + "-error\"", "Respitten skal være mellem 0 og 240 minutter");
        homecare.post("/alarms/devices/" + serial + "/dose-schedule", "doseTimes=8%3A00%2C+12%3A00&graceMinutes=20");
        Api.Response schedule = as("homecare-aarhus").get("/api/v1/devices/" + serial + "/dose-schedule");
        assertThat(schedule.json().path("doseTimes").toString()).isEqualTo("[\"08:00\",\"12:00\"]");
        assertThat(schedule.json().path("graceMinutes").asInt()).isEqualTo(20);
        assertThat(WebSession.logIn(port, "homecare-randers", "demo")
                .post("/alarms/devices/" + serial + "/dose-schedule", "doseTimes=09%3A00").statusCode()).isEqualTo(404);
        assertThat(as("homecare-randers").get("/api/v1/devices/" + serial + "/dose-schedule").status()).isEqualTo(404);
    }

    List<String> partitionsFrom(String year) {
        return jdbc.sql("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'alarms.device_event'::regclass and c.relname like ? order by c.relname
                """).param("device_event_" + year + "%").query(String.class).list();
    }

    @Test
    void eachMunicipalitysDosesOfADayArePublishedOnceHoweverOftenAndWhereverTheCountRuns() throws Exception {
        clock.setDanish(LocalDateTime.parse("2031-05-11T04:30"));
        String day = "2031-05-10";
        dose("751", "2031-05-09T22:30:00Z", "TAKEN");
        dose("751", "2031-05-10T06:00:00Z", "TAKEN");
        dose("751", "2031-05-10T21:30:00Z", "MISSED");
        dose("751", "2031-05-10T10:00:00Z", "CANCELLED");
        dose("751", "2031-05-10T20:00:00Z", "PENDING");
        dose("751", "2031-05-10T22:30:00Z", "MISSED");
        dose("730", "2031-05-10T06:00:00Z", "MISSED");

        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = instances.invokeAll(List.of(doseCounts::publish, doseCounts::publish));
            assertThat(runs.get(0).get() + runs.get(1).get()).as("two counts at once publish each municipality-day once")
                    .isEqualTo(2);
        } finally {
            instances.shutdown();
        }
        jobs.runNow("doses-counted");
        assertThat(jdbc.sql("select municipality_code || ' ' || due || ' ' || taken || ' ' || missed"
                + " from alarms.doses_counted where day = ?::date order by 1").param(day).query(String.class).list())
                .as("the Danish day: cancelled doses left out, a pending one in neither").containsExactly("730 1 0 1", "751 4 2 1");
        assertThat(published("DosesCounted", "\"day\":\"" + day)).hasSize(2);
    }

    void dose(String municipality, String dueAt, String state) {
        jdbc.sql("""
                insert into alarms.due_dose (serial, citizen_id, municipality_code, due_at, grace_until, state)
                values (?, ?, ?, ?, ?, ?)""").params("count-" + UUID.randomUUID(), UUID.randomUUID(), municipality,
                OffsetDateTime.parse(dueAt), OffsetDateTime.parse(dueAt).plusMinutes(30), state).update();
    }

    /** The alarm ids (or municipalities) of the published events of a type of dk.fsc.alarms that contain {@code text}. */
    List<String> published(String type, String text) {
        return jdbc.sql("""
                select coalesce(serialized_event::json ->> 'alarmId', serialized_event::json -> 'municipality' ->> 'value')
                from event_publication where event_type = ? and serialized_event like ?""")
                .params("dk.fsc.alarms." + type, "%" + text + "%").query(String.class).list();
    }

    void send(AlarmFixtures.Vendor vendor, String... events) {
        AlarmFixtures.Answer answer = AlarmFixtures.send(port, vendor, clock.instant(), batch(events));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("refused").asInt()).as(answer.body()).isZero();
    }

    long workRequests(String serial, String type) {
        return jdbc.sql("select count(*) from alarms.work_request where serial = ? and type = ?").params(serial, type)
                .query(Long.class).single();
    }

    static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long alarmsOf(String serial) {
        return jdbc.sql("select count(*) from alarms.alarm where serial = ? and kind = 'MISSED_DOSE'").param(serial).query(Long.class).single();
    }
}
