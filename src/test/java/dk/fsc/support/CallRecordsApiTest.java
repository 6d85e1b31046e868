package dk.fsc.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Call records from the telephone system: all lines or none with each bad line named, the same file
 * twice changes nothing, and the figures per day against the targets mark the days that missed.
 */
@FscIntegrationTest
class CallRecordsApiTest {

    static final String HEADER = "queue,call_id,start,answered,abandoned,end,agent\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api admin() {
        return Api.as(port, "admin", "demo");
    }

    long calls(String prefix) {
        return jdbc.sql("select count(*) from support.call_record where call_id like ?").param(prefix + "%")
                .query(Long.class).single();
    }

    Api.Response load(String csv) {
        return admin().send("POST", "/api/v1/call-records", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFileIsImportedOnceAndTheFiguresPerDayMarkTheDaysThatMissedATarget() {
        StringBuilder csv = new StringBuilder(HEADER);
        // 2 March 2026: 10 calls answered after 20 s. 3 March: 10 calls, 3 answered after 90 s, 1 abandoned.
        for (int i = 0; i < 10; i++) {
            csv.append("Stomi,ok-").append(i).append(",2026-03-02T09:0").append(i).append(":00+01:00,")
                    .append("2026-03-02T09:0").append(i).append(":20+01:00,,2026-03-02T09:0").append(i)
                    .append(":50+01:00,agent\n");
        }
        for (int i = 0; i < 9; i++) {
            int waited = i < 3 ? 90 : 10;
            csv.append("Stomi,ok-late-").append(i).append(",2026-03-03 10:0").append(i).append(":00,2026-03-03 10:0")
                    .append(i + waited / 60).append(':').append(waited % 60).append(",,2026-03-03 10:0").append(i + 1)
                    .append(":59,agent\n");
        }
        csv.append("Stomi,ok-late-9,2026-03-03 10:09:00,,2026-03-03 10:09:40,2026-03-03 10:09:40,\n");
        Api.Response first = load(csv.toString());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("added").asInt()).isEqualTo(20);
        Api.Response again = load(csv.toString());
        assertThat(again.json().path("added").asInt()).isZero();
        assertThat(again.json().path("known").asInt()).isEqualTo(20);
        assertThat(calls("ok-")).isEqualTo(20);

        JsonNode days = admin().get("/api/v1/call-figures?unit=DAY&from=2026-03-02&to=2026-03-03").json();
        assertThat(days).hasSize(2);
        assertThat(days.get(0).path("calls").asInt()).isEqualTo(10);
        assertThat(days.get(0).path("missed").asBoolean()).isFalse();
        assertThat(days.get(0).path("averageWaitSeconds").asInt()).isEqualTo(20);
        assertThat(days.get(1).path("answeredInTimePermille").asInt()).isEqualTo(600);
        assertThat(days.get(1).path("abandonedPermille").asInt()).isEqualTo(100);
        assertThat(days.get(1).path("missedAnswered").asBoolean()).isTrue();
        assertThat(days.get(1).path("missedAbandoned").asBoolean()).isTrue();
    }

    @Test
    void aDayWhoseCallsWereAllAbandonedHasNoAverageWaitNotZero() {
        Api.Response loaded = load(HEADER + "Stomi,gone-1,2026-03-09 09:00:00,,2026-03-09 09:02:00,2026-03-09 09:02:00,\n");
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);

        JsonNode day = admin().get("/api/v1/call-figures?unit=DAY&from=2026-03-09&to=2026-03-09").json().get(0);
        assertThat(day.path("calls").asInt()).isEqualTo(1);
        assertThat(day.path("averageWaitSeconds").isNull()).isTrue();
        assertThat(WebSession.logIn(port, "admin", "demo").get("/support/calls?unit=DAY&from=2026-03-09&to=2026-03-09")
                .statusCode()).as("the page shows the day without an average").isEqualTo(200);
    }

    @Test
    void badFilesAreRefusedWholeWithEachLineNamedAndNothingSaved() {
        String csv = HEADER
                + "Stomi,bad-1,2026-03-04T09:00:00+01:00,2026-03-04T09:00:10+01:00,,2026-03-04T09:01:00+01:00,a\n"
                + "Stomi,bad-1,2026-03-04T09:05:00+01:00,2026-03-04T09:05:10+01:00,,2026-03-04T09:06:00+01:00,a\n"
                + "Stomi,bad-2,2026-03-04T09:10:00+01:00,2026-03-04T09:09:00+01:00,,2026-03-04T09:11:00+01:00,a\n"
                + "Stomi,bad-3,2026-03-04T09:10:00+01:00,2026-03-04T09:10:05+01:00,2026-03-04T09:10:05+01:00,2026-03-04T09:11:00+01:00,a\n"
                + "Stomi,bad-4,i går,,2026-03-04T09:10:05+01:00,2026-03-04T09:11:00+01:00,\n"
                + "Stomi,bad-5,2026-03-04T09:10:00+01:00\n";
        Api.Response refused = load(csv);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("line 3", "line 4", "line 5", "line 6", "line 7")
                .doesNotContain("line 2\"");
        assertThat(calls("bad-")).isZero();

        byte[] latin1 = (HEADER + "Kø,enc-1,2026-03-04T09:00:00+01:00,,2026-03-04T09:00:10+01:00,2026-03-04T09:00:10+01:00,\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Api.Response broken = admin().send("POST", "/api/v1/call-records", "text/csv", latin1);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).contains("UTF-8");
        assertThat(load("call,id\n1,2\n").status()).isEqualTo(400);
        assertThat(calls("enc-")).isZero();

        assertThat(Api.as(port, "agent", "demo").send("POST", "/api/v1/call-records", "text/csv",
                HEADER.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
    }
    @Test
    void eachCallIsStoredAsWrittenToTheMicrosecondWithItsTextsAndEmptyFields() {
        Api.Response loaded = load(HEADER
                + "Hjælp,exact-1,2026-10-25 02:30:00,2026-10-25T01:31:00.1234565Z,,2026-10-25T03:40:00.000001+02:00,Søren Ærø\n"
                + "Stomi,exact-2,2026-03-29T00:59:59Z,,2026-03-29 03:00:10,2026-03-29 03:00:10,\n");
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        List<String> rows = jdbc.sql("""
                select call_id || '|' || queue || '|' || (started_at at time zone 'UTC') || '|'
                    || coalesce((answered_at at time zone 'UTC')::text, '-') || '|'
                    || coalesce((abandoned_at at time zone 'UTC')::text, '-') || '|' || (ended_at at time zone 'UTC')
                    || '|' || coalesce(agent, '-')
                from support.call_record where call_id like 'exact-%' order by call_id""").query(String.class).list();
        assertThat(rows).containsExactly(
                "exact-1|Hjælp|2026-10-25 00:30:00|2026-10-25 01:31:00.123457|-|2026-10-25 01:40:00.000001|Søren Ærø",
                "exact-2|Stomi|2026-03-29 00:59:59|-|2026-03-29 01:00:10|2026-03-29 01:00:10|-");
    }
    @Test
    void theSameFileImportedTwiceAtOnceAddsEachCallOnce() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 200; i++) {
            csv.append("Stomi,twice-").append(i).append(",2026-04-0").append(1 + i % 9).append("T09:00:00Z,")
                    .append("2026-04-0").append(1 + i % 9).append("T09:00:30Z,,2026-04-0").append(1 + i % 9)
                    .append("T09:03:00Z,agent-1\n");
        }
        try (ExecutorService both = Executors.newFixedThreadPool(2)) {
            List<Future<Api.Response>> answers = both.invokeAll(List.<Callable<Api.Response>>of(
                    () -> load(csv.toString()), () -> load(csv.toString())));
            int added = 0;
            for (Future<Api.Response> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
                added += answer.get().json().path("added").asInt();
            }
            assertThat(added).isEqualTo(200);
        }
        assertThat(calls("twice-")).isEqualTo(200);
    }
}
