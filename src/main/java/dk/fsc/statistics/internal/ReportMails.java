package dk.fsc.statistics.internal;

import java.time.LocalDate;
import java.util.UUID;

import dk.fsc.jobs.Backoff;
import dk.fsc.jobs.QueueJob;
import dk.fsc.jobs.WorkItem;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails a kept monthly report to one recipient, with its PDF and XLSX attached. An item whose
 * mail server does not take it is tried again (1 minute, doubling to 6 hours, about three days)
 * and, after the last attempt, kept as failed on the jobs page. Items are queued by
 * {@link MonthlyReports}, one per report and recipient.
 */
@Component
class ReportMails extends QueueJob {

    static final String NAME = "statistics-report-mails";

    private record Kept(String municipality, LocalDate month, byte[] pdf, byte[] xlsx) {
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    ReportMails(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail,
            @Value("${fsc.statistics.mail-from:statistik@fsc.invalid}") String from) {
        super(NAME, Backoff.ABOUT_THREE_DAYS);
        this.jdbc = jdbc;
        this.mail = mail;
        this.from = from;
    }

    @Override
    public void handle(WorkItem item) {
        String[] payload = item.payload().split(" ");
        Kept report = jdbc.sql("select municipality, month, pdf, xlsx from statistics.monthly_report where id = ?")
                .param(UUID.fromString(payload[0])).query(Kept.class).single();
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("No mail server is configured (spring.mail.host)");
        }
        String name = "statistik-" + report.municipality() + "-" + report.month().toString().substring(0, 7);
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(payload[1]);
            helper.setSubject("Statistik fra FSC for " + MonthlyReports.monthName(report.month()));
            helper.setText("Vedhæftet er kommunens statistik for " + MonthlyReports.monthName(report.month())
                    + " som PDF og Excel-regneark, med gennemsnittet af de andre kommuner til sammenligning.\n");
            helper.addAttachment(name + ".pdf", new ByteArrayResource(report.pdf()), "application/pdf");
            helper.addAttachment(name + ".xlsx", new ByteArrayResource(report.xlsx()), MonthlyReports.XLSX);
            sender.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("The report could not be mailed: " + e.getMessage(), e);
        }
    }
}
