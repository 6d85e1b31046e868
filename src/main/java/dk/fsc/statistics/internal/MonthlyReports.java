package dk.fsc.statistics.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.fsc.jobs.Job;
import dk.fsc.jobs.JobQueue;
import dk.fsc.jobs.Tick;
import dk.fsc.jobs.WorkItem;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.DanishWorkingDays;
import dk.fsc.shared.EmailAddress;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly statistics report: on the first working day of a month (Monday to Friday, not a
 * Danish public holiday) the job queues one item per municipality that had figures in the month before
 * or has recipients; each item keeps the report for the
 * month before as PDF and XLSX (the municipality's figures beside the others' average, as its
 * caseworker sees them) and queues one mail per recipient in {@link ReportMails}. Items are
 * keyed by month and municipality (and recipient), so a repeated run or a retry queues and
 * keeps nothing twice.
 */
@Component
class MonthlyReports implements Job {

    static final String NAME = "statistics-monthly-reports";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Locale DANISH = Locale.forLanguageTag("da");

    record Report(UUID id, String municipality, LocalDate month) {
    }

    private final JdbcClient jdbc;
    private final JobQueue queue;
    private final ReferenceData referenceData;
    private final Dashboards dashboards;
    private final DashboardExports exports;
    private final Clock clock;

    MonthlyReports(JdbcClient jdbc, JobQueue queue, ReferenceData referenceData, Dashboards dashboards,
            DashboardExports exports, Clock clock) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.referenceData = referenceData;
        this.dashboards = dashboards;
        this.exports = exports;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Every morning at 06:00; only the first working day of a month queues anything. */
    @Override
    public String schedule() {
        return "0 0 6 * * *";
    }

    @Override
    public void run(Tick tick) {
        LocalDate today = LocalDate.ofInstant(tick.now(), TimeConfiguration.DANISH_TIME);
        if (!tick.onDemand() && !today.equals(firstWorkingDay(today))) {
            return;
        }
        LocalDate month = today.withDayOfMonth(1).minusMonths(1);
        jdbc.sql("""
                select municipality from statistics.monthly_figure where month = ?
                union select municipality from statistics.report_recipient""")
                .param(month).query(String.class).list()
                .forEach(code -> queue.enqueue(NAME, month + ":" + code, code + " " + month));
    }

    @Override
    public void handle(WorkItem item) {
        String[] payload = item.payload().split(" ");
        Report report = keep(payload[0], LocalDate.parse(payload[1]));
        recipients(report.municipality()).forEach(email ->
                queue.enqueue(ReportMails.NAME, report.id() + ":" + email, report.id() + " " + email));
    }

    /** The month's first Danish working day: Monday to Friday and not a public holiday. */
    static LocalDate firstWorkingDay(LocalDate anyDay) {
        LocalDate day = anyDay.withDayOfMonth(1);
        while (!DanishWorkingDays.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The municipality's report of the month, made and kept the first time it is asked for. */
    Report keep(String municipality, LocalDate month) {
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        Dashboards.View view = dashboards.ofMunicipality(municipality, month, month.plusMonths(1).minusDays(1), today);
        jdbc.sql("""
                insert into statistics.monthly_report (id, municipality, month, pdf, xlsx, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict (municipality, month) do nothing""")
                .params(UUID.randomUUID(), municipality, month, exports.pdf(view, DANISH), exports.xlsx(view, DANISH),
                        Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("select id, municipality, month from statistics.monthly_report where municipality = ? and month = ?")
                .params(municipality, month).query(Report.class).single();
    }

    /** The kept reports a user may read: every municipality's when {@code municipality} is null. */
    @Transactional(readOnly = true)
    List<Report> list(@Nullable String municipality) {
        return jdbc.sql("""
                select id, municipality, month from statistics.monthly_report
                where ?::text is null or municipality = ? order by month desc, municipality""")
                .params(municipality, municipality).query(Report.class).list();
    }

    /** A kept report's file ({@code pdf} or {@code xlsx}); not found outside {@code municipality} when it is given. */
    @Transactional(readOnly = true)
    byte[] file(UUID id, String format, @Nullable String municipality) {
        String column = switch (format) {
            case "pdf" -> "pdf";
            case "xlsx" -> "xlsx";
            default -> throw new NotFoundException("There is no " + format + " of a report.");
        };
        return jdbc.sql("select " + column + " from statistics.monthly_report where id = ? and (?::text is null or municipality = ?)")
                .params(id, municipality, municipality).query(byte[].class).optional()
                .orElseThrow(() -> new NotFoundException("No report " + id + "."));
    }

    @Transactional(readOnly = true)
    List<String> recipients(String municipality) {
        return jdbc.sql("select email from statistics.report_recipient where municipality = ? order by email")
                .param(municipality).query(String.class).list();
    }

    /** Replaces the municipality's recipients; every address is checked first, so a bad one changes nothing. */
    @Transactional
    void setRecipients(String municipality, List<String> emails) {
        if (referenceData.municipalities().stream().noneMatch(m -> m.code().equals(municipality))) {
            throw new NotFoundException("No municipality " + municipality + ".");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            if (!EmailAddress.isValid(emails.get(i))) {
                errors.add(FieldError.of("emails[" + i + "]", "statistics.error.email"));
            } else if (emails.subList(0, i).contains(emails.get(i))) {
                errors.add(FieldError.of("emails[" + i + "]", "statistics.error.duplicateEmail"));
            }
        }
        if (emails.size() > 20) {
            errors.add(FieldError.of("emails", "statistics.error.tooManyEmails"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The recipients are not valid.", errors);
        }
        jdbc.sql("delete from statistics.report_recipient where municipality = ?").param(municipality).update();
        emails.forEach(email -> jdbc.sql("insert into statistics.report_recipient (municipality, email) values (?, ?)")
                .params(municipality, email).update());
    }

    static String monthName(LocalDate month) {
        return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", DANISH));
    }
}
