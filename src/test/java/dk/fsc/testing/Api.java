package dk.fsc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for API tests: real requests against the running platform. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;
    private final String authHeader;
    private final String authorization;
    private final String language;

    private Api(int port, String authorization) {
        this(port, "Authorization", authorization, "");
    }

    private Api(int port, String authHeader, String authorization, String language) {
        this.port = port;
        this.authHeader = authHeader;
        this.authorization = authorization;
        this.language = language;
    }

    public static Api as(int port, String user, String password) {
        return new Api(port, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A client that authenticates with one header, e.g. {@code X-API-Key}. */
    public static Api withHeader(int port, String header, String value) {
        return new Api(port, header, value, "");
    }

    /** The same client, asking for answers in {@code language} ({@code Accept-Language}). */
    public Api inLanguage(String language) {
        return new Api(port, authHeader, authorization, language);
    }

    public static Api anonymous(int port) {
        return new Api(port, "");
    }

    /** @param location the Location header, empty when there is none */
    public record Response(int status, String contentType, String body, String location) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** The ids of the items of a paged answer, which must be a 200. */
    public static List<String> ids(Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response get(String path, String accept) {
        return send(request(path).setHeader("Accept", accept).GET());
    }

    public Response send(String method, String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public Response postJson(String path, String json) {
        return send("POST", path, "application/json", json);
    }

    /** A JSON POST with one more header, e.g. {@code Idempotency-Key}. */
    public Response postJson(String path, String json, String header, String value) {
        return send(request(path).header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json, application/problem+json");
        if (!language.isEmpty()) {
            builder.header("Accept-Language", language);
        }
        return authorization.isEmpty() ? builder : builder.header(authHeader, authorization);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
