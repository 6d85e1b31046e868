package dk.fsc.alarms.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.fsc.jobs.Backoff;
import dk.fsc.jobs.Job;
import dk.fsc.jobs.JobQueue;
import dk.fsc.jobs.QueueJob;
import dk.fsc.jobs.WorkItem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells a municipality's own systems about its alarms: a Standard Webhooks call to its care
 * system and an e-mail, each queued in the job facility with the change that caused it, keyed by
 * the webhook id ({@code <alarm>.<change>}), so each is delivered once per id however often it
 * is queued; a receiver that is down is tried again with exponential backoff for about three
 * days, then the item is parked (failed) and shown on the jobs page.
 */
@Component
class Notifications {

    static final String WEBHOOKS = "alarm-webhooks";
    static final String EMAILS = "alarm-emails";

    private final JobQueue queue;
    private final JsonMapper json;
    private final ResponsePlans plans;

    Notifications(JobQueue queue, JsonMapper json, ResponsePlans plans) {
        this.queue = queue;
        this.json = json;
        this.plans = plans;
    }

    /** Queues the municipality's notifications of an alarm's change ({@code raised}, {@code escalated-1}, {@code closed}...). */
    void changed(AlarmView alarm, String change, Instant at) {
        String webhookId = "msg_" + alarm.id() + "." + change;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alarmId", alarm.id().toString());
        data.put("kind", alarm.kind().name());
        data.put("municipalityCode", alarm.municipalityCode());
        data.put("citizenId", alarm.citizenId().toString());
        data.put("deviceSerial", alarm.serial());
        data.put("dueAt", alarm.dueAt().toString());
        data.put("level", alarm.level());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "alarm." + change.replaceAll("-\\d+$", ""));
        message.put("timestamp", at.toString());
        message.put("data", data);
        String payload = json.writeValueAsString(message);
        ResponsePlans.Plan plan = plans.of(alarm.municipalityCode());
        if (plan.webhookUrl() != null) {
            queue.enqueue(WEBHOOKS, webhookId, payload);
        }
        if (plan.email() != null) {
            queue.enqueue(EMAILS, webhookId, payload);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NotificationJobs {

        @Bean
        Job alarmWebhooks(ResponsePlans plans, JsonMapper json, Clock clock) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            return new QueueJob(WEBHOOKS, Backoff.ABOUT_THREE_DAYS) {
                @Override
                public void handle(WorkItem item) {
                    JsonNode message = json.readTree(item.payload());
                    ResponsePlans.Plan plan = plans.of(message.path("data").path("municipalityCode").asString());
                    if (plan.webhookUrl() == null || plan.webhookSecret() == null) {
                        return;
                    }
                    byte[] body = item.payload().getBytes(StandardCharsets.UTF_8);
                    long timestamp = clock.instant().getEpochSecond();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(plan.webhookUrl()))
                            .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                            .header(StandardWebhooks.ID, item.key())
                            .header(StandardWebhooks.TIMESTAMP, Long.toString(timestamp))
                            .header(StandardWebhooks.SIGNATURE,
                                    StandardWebhooks.sign(plan.webhookSecret(), item.key(), timestamp, body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        throw new IllegalStateException("The care system did not answer: " + e.getMessage(), e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted", e);
                    }
                    if (status / 100 != 2) {
                        throw new IllegalStateException("The care system answered " + status);
                    }
                }

            };
        }

        @Bean
        Job alarmEmails(ResponsePlans plans, JsonMapper json, ObjectProvider<JavaMailSender> mail,
                @Value("${fsc.alarms.mail-from:alarmer@fsc.invalid}") String from,
                @Value("${fsc.alarms.base-url:http://localhost:8080}") String baseUrl) {
            return new QueueJob(EMAILS, Backoff.ABOUT_THREE_DAYS) {
                @Override
                public void handle(WorkItem item) {
                    JsonNode message = json.readTree(item.payload());
                    JsonNode data = message.path("data");
                    ResponsePlans.Plan plan = plans.of(data.path("municipalityCode").asString());
                    JavaMailSender sender = mail.getIfAvailable();
                    if (plan.email() == null || sender == null) {
                        return;
                    }
                    SimpleMailMessage mailMessage = new SimpleMailMessage();
                    mailMessage.setFrom(from);
                    mailMessage.setTo(plan.email());
                    mailMessage.setSubject("Medicinalarm " + data.path("kind").asString() + " ("
                            + message.path("type").asString() + ")");
                    mailMessage.setText("Alarm " + data.path("alarmId").asString() + ", enhed "
                            + data.path("deviceSerial").asString() + ", niveau " + data.path("level").asInt()
                            + ".\nSe alarmlisten: " + baseUrl + "/alarms\n");
                    sender.send(mailMessage);
                }

            };
        }
    }
}
