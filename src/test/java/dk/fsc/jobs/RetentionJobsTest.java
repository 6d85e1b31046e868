package dk.fsc.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Retention as data, one job each: idempotency keys after 7 days, completed event
 * publications after 7 days, expired sessions, and the jobs' own history after 30 days; and
 * the administrator's view of the jobs.
 */
@FscIntegrationTest
class RetentionJobsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Api admin() {
        return Api.as(port, "admin", "demo");
    }

    Instant ago(Duration duration) {
        return clock.instant().minus(duration);
    }

    void run(String job) {
        Api.Response ran = admin().postJson("/api/v1/jobs/" + job + "/run", "");
        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
    }

    long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    @Test
    void idempotencyKeysAreForgottenAfterSevenDays() {
        String owner = "retention-" + UUID.randomUUID();
        for (int days : new int[] { 8, 6 }) {
            jdbc.sql("insert into orders.idempotency_key (owner, key, request_hash, order_id, created_at)"
                    + " values (?, ?, ?, ?, ?)")
                    .params(owner, "key-" + days, new byte[32], UUID.randomUUID(),
                            ago(Duration.ofDays(days)).atOffset(ZoneOffset.UTC))
                    .update();
        }

        run("idempotency-keys");

        assertThat(jdbc.sql("select key from orders.idempotency_key where owner = ?").param(owner).query(String.class)
                .list()).containsExactly("key-6");
    }

    @Test
    void completedEventPublicationsAreDeletedAfterSevenDaysAndIncompleteOnesKept() {
        String listener = "retention-" + UUID.randomUUID();
        insertPublication(listener, ago(Duration.ofDays(9)), ago(Duration.ofDays(8)));
        insertPublication(listener, ago(Duration.ofDays(2)), ago(Duration.ofDays(1)));
        insertPublication(listener, ago(Duration.ofDays(30)), null);

        run("completed-event-publications");

        assertThat(count("select count(*) from event_publication where listener_id = ?", listener)).isEqualTo(2);
        assertThat(count("select count(*) from event_publication where listener_id = ? and completion_date is null",
                listener)).isEqualTo(1);
    }

    void insertPublication(String listener, Instant published, Instant completed) {
        jdbc.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,"
                + " completion_date, status, completion_attempts) values (?, ?, 'java.lang.String', '\"x\"', ?, ?, ?, 1)")
                .params(UUID.randomUUID(), listener, published.atOffset(ZoneOffset.UTC),
                        completed == null ? null : completed.atOffset(ZoneOffset.UTC),
                        completed == null ? "PUBLISHED" : "COMPLETED")
                .update();
    }

    @Test
    void expiredSessionsAreDeleted() {
        String principal = "retention-" + UUID.randomUUID().toString().substring(0, 20);
        for (Duration expiresIn : new Duration[] { Duration.ofMinutes(-1), Duration.ofMinutes(20) }) {
            jdbc.sql("insert into identity.spring_session (primary_id, session_id, creation_time, last_access_time,"
                    + " max_inactive_interval, expiry_time, principal_name) values (?, ?, ?, ?, 1800, ?, ?)")
                    .params(UUID.randomUUID().toString(), UUID.randomUUID().toString(), clock.millis(), clock.millis(),
                            clock.instant().plus(expiresIn).toEpochMilli(), principal)
                    .update();
        }

        run("expired-sessions");

        assertThat(count("select count(*) from identity.spring_session where principal_name = ?", principal))
                .isEqualTo(1);
    }

    @Test
    void theJobsHistoryIsDeletedAfterThirtyDays() {
        String job = "retention-" + UUID.randomUUID();
        jdbc.sql("insert into jobs.work_item (job, item_key, payload, status, attempts, queued_at, next_attempt_at,"
                + " finished_at) values (?, 'old', '', 'DONE', 1, ?, ?, ?), (?, 'waiting', '', 'QUEUED', 0, ?, ?, null)")
                .params(job, ago(Duration.ofDays(40)).atOffset(ZoneOffset.UTC),
                        ago(Duration.ofDays(40)).atOffset(ZoneOffset.UTC), ago(Duration.ofDays(31)).atOffset(ZoneOffset.UTC),
                        job, ago(Duration.ofDays(40)).atOffset(ZoneOffset.UTC),
                        ago(Duration.ofDays(40)).atOffset(ZoneOffset.UTC))
                .update();

        run("job-history");

        assertThat(jdbc.sql("select item_key from jobs.work_item where job = ?").param(job).query(String.class).list())
                .containsExactly("waiting");
    }

    @Test
    void theApiListsEveryJobWithItsLastRun() {
        run("expired-sessions");

        JsonNode jobs = admin().get("/api/v1/jobs").json();

        assertThat(jobs.valueStream().map(job -> job.path("name").asString())).contains("standing-orders",
                "idempotency-keys", "expired-sessions", "event-publications", "completed-event-publications",
                "job-history");
        JsonNode sessions = jobs.valueStream().filter(job -> job.path("name").asString().equals("expired-sessions"))
                .findFirst().orElseThrow();
        assertThat(sessions.path("lastOutcome").asString()).isEqualTo("OK");
        assertThat(sessions.path("schedule").asString()).isEqualTo("0 */10 * * * *");
        assertThat(admin().postJson("/api/v1/jobs/no-such-job/run", "").status()).isEqualTo(404);
    }

    @Test
    void theAdministratorSeesAndRunsTheJobsOnADanishPage() {
        WebSession admin = WebSession.logIn(port, "admin", "demo");

        HttpResponse<String> page = admin.get("/admin/jobs");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Baggrundsjob", "Faste bestillinger afgives", "Udløbne sessioner slettes",
                "Næste kørsel").doesNotContain("standing-orders</th>");
        HttpResponse<String> ran = admin.follow(admin.post("/admin/jobs/expired-sessions/run", ""));
        assertThat(ran.body()).contains("Udløbne sessioner slettes er kørt");
        assertThat(admin.get("/admin/jobs?lang=en").body()).contains("Background jobs", "Standing orders are placed");
        assertThat(WebSession.logIn(port, "agent", "demo").get("/admin/jobs").statusCode()).isEqualTo(403);
    }
}
