package dk.fsc.statistics;

import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dk.fsc.jobs.Jobs;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import dk.fsc.testing.WebSession;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The monthly report: recipients checked before anything is saved, the report for the month
 * before kept as PDF and XLSX on the first working day, its mail retried while the mail server
 * is down and then delivered once with both files, and a caseworker of another municipality
 * unable to read it.
 */
@FscIntegrationTest
class MonthlyReportsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theReportOfTheMonthBeforeIsKeptAndMailedAgainUntilTheMailServerTakesIt() throws Exception {
        Api admin = Api.as(port, "admin", "demo");
        JsonNode refused = assertProblem(admin.send("PUT", "/api/v1/statistics/report-recipients/751", "application/json",
                "{\"emails\":[\"statistik@aarhus.example\",\"not an address\",\"statistik@aarhus.example\"]}"), 400);
        assertThat(fields(refused)).containsExactly("emails[1]", "emails[2]");
        assertThat(admin.get("/api/v1/statistics/report-recipients/751").json().path("emails").isEmpty()).isTrue();
        assertThat(admin.send("PUT", "/api/v1/statistics/report-recipients/999", "application/json",
                "{\"emails\":[]}").status()).isEqualTo(404);
        assertThat(Api.as(port, "caseworker-aarhus", "demo").send("PUT", "/api/v1/statistics/report-recipients/751",
                "application/json", "{\"emails\":[]}").status()).isEqualTo(403);
        assertThat(admin.send("PUT", "/api/v1/statistics/report-recipients/751", "application/json",
                "{\"emails\":[\"statistik@aarhus.example\"]}").status()).isEqualTo(200);

        smtp.stop();
        clock.setDanish(LocalDateTime.of(2031, 4, 1, 6, 0));
        jobs.runNow("statistics-monthly-reports");
        jobs.runNow("statistics-report-mails");
        assertThat(jdbc.sql("""
                select status || ' ' || attempts from jobs.work_item
                where job = 'statistics-report-mails' and payload like '% statistik@aarhus.example'
                  and item_key like (select id from statistics.monthly_report where month = '2031-03-01') || '%'""")
                .query(String.class).single()).as("a failed mail waits for its next attempt").isEqualTo("QUEUED 1");

        smtp.start();
        clock.advance(Duration.ofMinutes(2));
        jobs.runNow("statistics-report-mails");
        jobs.runNow("statistics-report-mails");
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("Statistik fra FSC for marts 2031");
        MimeMultipart parts = (MimeMultipart) mails[0].getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("statistik-751-2031-03.pdf");
        assertThat(parts.getBodyPart(2).getFileName()).isEqualTo("statistik-751-2031-03.xlsx");
        try (ReadableWorkbook workbook = new ReadableWorkbook(parts.getBodyPart(2).getInputStream())) {
            assertThat(workbook.getFirstSheet().read().getFirst().getCellText(4)).isEqualTo("Gennemsnit af de andre kommuner");
        }

        JsonNode reports = Api.as(port, "caseworker-aarhus", "demo").get("/api/v1/statistics/reports").json();
        String id = reports.get(0).path("id").asString();
        assertThat(reports.get(0).path("month").asString()).isEqualTo("2031-03-01");
        WebSession caseworker = WebSession.logIn(port, "caseworker-aarhus", "demo");
        assertThat(caseworker.get("/statistics").body()).contains("Rapport for 03-2031", "/statistics/reports/" + id + ".pdf");
        byte[] pdf = caseworker.getBytes("/statistics/reports/" + id + ".pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(Api.as(port, "caseworker-randers", "demo").get("/api/v1/statistics/reports/" + id + ".xlsx").status())
                .isEqualTo(404);
        assertThat(GreenMailUtil.getBody(parts.getBodyPart(0))).contains("marts 2031");
    }

    private long count(String from) {
        return jdbc.sql("select count(*) from " + from).query(Long.class).single();
    }
}
