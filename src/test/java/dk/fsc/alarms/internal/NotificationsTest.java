package dk.fsc.alarms.internal;

import static dk.fsc.alarms.internal.AlarmFixtures.batch;
import static dk.fsc.alarms.internal.AlarmFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import dk.fsc.jobs.Backoff;
import dk.fsc.jobs.Jobs;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A municipality's care system that is down at first gets the alarm once it is back, signed,
 * with the same webhook id on every attempt and never twice after it answered; its e-mail
 * address gets the alarm through a real SMTP client.
 */
@FscIntegrationTest
class NotificationsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Jobs jobs;

    record Delivery(String id, boolean signed, int answered) {
    }

    @Test
    void aReceiverThatFailsThenRecoversGetsEachAlarmOnceSignedAndTheMailArrives() throws Exception {
        String secret = StandardWebhooks.newSecret();
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(2);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/alarms", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            boolean signed = StandardWebhooks.verify(List.of(secret), id,
                    Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp")), body,
                    exchange.getRequestHeaders().getFirst("webhook-signature"));
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            deliveries.add(new Delivery(id, signed, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Api.Response plan = Api.as(port, "admin", "demo").send("PUT", "/api/v1/municipalities/706/alarm-plan",
                    "application/json", """
                            {"firstResponse":"FSC_AGENT","escalationMinutes":[45,75],"webhookUrl":"http://localhost:%d/alarms",
                             "webhookSecret":"%s","email":"vagt@syddjurs.example"}""".formatted(receiver.getAddress().getPort(), secret));
            assertThat(plan.status()).as(plan.body()).isEqualTo(200);
            assertThat(plan.body()).doesNotContain(secret);
            String serial = technicalAlarm("706", "tamper");

            jobs.runNow(Notifications.WEBHOOKS);
            jobs.runNow(Notifications.EMAILS);
            clock.advance(Duration.ofMinutes(1));
            jobs.runNow(Notifications.WEBHOOKS);
            clock.advance(Duration.ofMinutes(1));
            jobs.runNow(Notifications.WEBHOOKS);
            assertThat(deliveries).hasSize(2).allSatisfy(delivery -> assertThat(delivery.answered()).isEqualTo(503));
            clock.advance(Duration.ofMinutes(1));
            jobs.runNow(Notifications.WEBHOOKS);
            clock.advance(Duration.ofHours(8));
            jobs.runNow(Notifications.WEBHOOKS);

            assertThat(deliveries).hasSize(3).allSatisfy(delivery -> assertThat(delivery.signed()).isTrue());
            assertThat(deliveries.stream().map(Delivery::id).distinct()).as("one webhook id on every attempt").hasSize(1);
            assertThat(deliveries.get(2).answered()).isEqualTo(204);
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("vagt@syddjurs.example");
            assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("TAMPER");
        } finally {
            receiver.stop(0);
        }
        Duration tried = Duration.ZERO;
        for (int attempt = 1; attempt < Backoff.ABOUT_THREE_DAYS.maxAttempts(); attempt++) {
            tried = tried.plus(Backoff.ABOUT_THREE_DAYS.delayAfter(attempt));
        }
        assertThat(tried).as("a receiver is tried for about three days, then the item is parked")
                .isBetween(Duration.ofHours(60), Duration.ofHours(84));
    }

    @Test
    void aReceiverThatNeverAnswersIsTriedForAboutThreeDaysThenTheWebhookIsParkedAndShown() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Api admin = Api.as(port, "admin", "demo");
        assertThat(admin.send("PUT", "/api/v1/municipalities/707/alarm-plan", "application/json", """
                {"webhookUrl":"http://localhost:%d/down","webhookSecret":"%s"}""".formatted(closedPort,
                StandardWebhooks.newSecret())).status()).isEqualTo(200);
        String serial = technicalAlarm("707", "empty");
        String key = "msg_" + jdbc.sql("select id::text from alarms.alarm where serial = ?").param(serial)
                .query(String.class).single() + ".raised";

        for (int run = 0; run < Backoff.ABOUT_THREE_DAYS.maxAttempts() + 2; run++) {
            jobs.runNow(Notifications.WEBHOOKS);
            clock.advance(Duration.ofHours(7));
        }

        assertThat(jdbc.sql("select status || ' ' || attempts from jobs.work_item where job = ? and item_key = ?")
                .params(Notifications.WEBHOOKS, key).query(String.class).single())
                .isEqualTo("FAILED " + Backoff.ABOUT_THREE_DAYS.maxAttempts());
        Api.Response shown = admin.get("/api/v1/jobs");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).as("parked and visible to the administrator").contains(key);
    }

    /** A dispenser with the alarm service in the municipality whose vendor reports a technical fault; its serial. */
    String technicalAlarm(String municipality, String type) {
        String serial = "NOTE-" + UUID.randomUUID();
        jdbc.sql("""
                insert into alarms.installed_device (serial, lease_id, citizen_id, municipality_code, services,
                    started_on, last_heard_at) values (?, ?, ?, ?, '{ALARM}', ?, ?)
                """).params(serial, UUID.randomUUID(), UUID.randomUUID(), municipality, clock.today(),
                clock.instant().atOffset(ZoneOffset.UTC)).update();
        AlarmFixtures.Vendor vendor = AlarmFixtures.vendor(port);
        assertThat(AlarmFixtures.send(port, vendor, clock.instant(),
                batch(event(type + "-" + serial, type, serial, clock.instant(), null))).status()).isEqualTo(200);
        return serial;
    }
}
