package dk.fsc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Assertions on RFC 9457 problem+json answers. */
public final class Problem {

    private Problem() {
    }

    /** Asserts status, content type and the members every problem carries; returns the body. */
    public static JsonNode assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asString()).startsWith("/problems/");
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("detail").asString()).isNotBlank();
        assertThat(body.path("instance").asString()).startsWith("/");
        assertThat(response.body()).doesNotContain("trace", "Exception", "\"timestamp\"");
        return body;
    }

    /** The fields named in {@code errors}. */
    public static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }
}
