package dk.fsc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dk.fsc.testing.Api;
import dk.fsc.testing.Demo;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The metrics are for the monitoring system's API key only; behind an https proxy the platform sees the client. */
@FscIntegrationTest
class MonitoringAndProxyTest {

    private static final String CLIENT = "203.0.113.7";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theMetricsAnswerOnlyAnApiKeyWithTheMetricsScope() {
        Api metrics = Api.withHeader(port, "X-API-Key", apiKey("METRICS_READ"));

        assertThat(metrics.get("/actuator/prometheus", "text/plain").body()).contains("jvm_memory_used_bytes");
        assertThat(metrics.get("/api/v1/regions").status()).isEqualTo(403);
        assertThat(Api.withHeader(port, "X-API-Key", apiKey("REFERENCE_READ"))
                .get("/actuator/prometheus", "text/plain").status()).isEqualTo(403);
        assertThat(Api.as(port, "admin", "demo").get("/actuator/prometheus", "text/plain").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).get("/actuator/prometheus", "text/plain").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void behindAnHttpsProxyTheAuditLogHasTheClientsAddress() throws Exception {
        String basic = Base64.getEncoder().encodeToString("agent:demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/v1/citizens/" + Demo.CITIZEN_AARHUS))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json")
                .header("X-Forwarded-For", CLIENT + ", 10.0.0.5").header("X-Forwarded-Proto", "https"));
        assertThat(read.statusCode()).isEqualTo(200);

        List<String> clients = jdbc.sql("select client from identity.audit_log where actor = 'agent'"
                + " and citizen_id = ?::uuid and action = 'citizen.read' order by id desc limit 1")
                .param(Demo.CITIZEN_AARHUS).query(String.class).list();
        assertThat(clients).containsExactly("api " + CLIENT);
    }

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> proxied = send(HttpRequest.newBuilder(uri("/login"))
                .header("X-Forwarded-For", CLIENT).header("X-Forwarded-Proto", "https"));
        HttpResponse<String> direct = send(HttpRequest.newBuilder(uri("/login")));

        assertThat(sessionCookie(proxied)).contains("; Secure");
        assertThat(sessionCookie(direct)).isNotEmpty().doesNotContain("Secure");
    }

    private String apiKey(String scope) {
        Api.Response created = Api.as(port, "admin", "demo").postJson("/api/v1/api-keys",
                "{\"name\":\"Monitoring " + UUID.randomUUID() + "\",\"scopes\":[\"" + scope + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("key").asString();
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("SESSION="))
                .findFirst().orElse("");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
