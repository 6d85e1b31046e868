package dk.fsc.alarms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dk.fsc.testing.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Vendors, installed dispensers and signed batches for the alarms tests. */
final class AlarmFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private AlarmFixtures() {
    }

    /** A vendor's system: its API key and its signing secret. */
    record Vendor(String code, String apiKey, String secret) {
    }

    /** A new vendor with an API key of scope DEVICE_EVENTS_WRITE, registered by the administrator. */
    static Vendor vendor(int port) {
        Api admin = Api.as(port, "admin", "demo");
        String code = "v-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response key = admin.postJson("/api/v1/api-keys",
                "{\"name\":\"Dispenser vendor " + code + "\",\"scopes\":[\"DEVICE_EVENTS_WRITE\"]}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        String secret = StandardWebhooks.newSecret();
        Api.Response registered = admin.send("PUT", "/api/v1/alarm-vendors/" + code, "application/json",
                "{\"apiKeyName\":\"Dispenser vendor " + code + "\",\"secret\":\"" + secret + "\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        return new Vendor(code, key.json().path("key").asString(), secret);
    }

    record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Sends a batch signed with {@code secret} at {@code timestamp}. */
    static Answer send(int port, String apiKey, String secret, Instant timestamp, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String id = "msg_" + UUID.randomUUID();
        long seconds = timestamp.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/device-events"))
                .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                .header(StandardWebhooks.ID, id).header(StandardWebhooks.TIMESTAMP, Long.toString(seconds))
                .header(StandardWebhooks.SIGNATURE, StandardWebhooks.sign(secret, id, seconds, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer send(int port, Vendor vendor, Instant now, String body) {
        return send(port, vendor.apiKey(), vendor.secret(), now, body);
    }

    /** One event as JSON. */
    static String event(String id, String type, String serial, Instant time, Instant dueAt) {
        return "{\"id\":\"%s\",\"type\":\"%s\",\"serial\":\"%s\",\"time\":\"%s\"%s}".formatted(id, type, serial, time,
                dueAt == null ? "" : ",\"dueAt\":\"" + dueAt + "\"");
    }

    static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }
}
