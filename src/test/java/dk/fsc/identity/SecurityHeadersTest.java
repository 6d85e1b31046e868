package dk.fsc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every page and API answer carries the content security and referrer policies; cookies are Secure on https. */
@FscIntegrationTest
class SecurityHeadersTest {

    static final String BASIC_ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpHeaders get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).headers();
    }

    static String policy(HttpHeaders headers) {
        return headers.firstValue("Content-Security-Policy").orElse("");
    }

    @Test
    void pagesAllowScriptsAndStylesFromThePlatformOnlyAndSendNoReferrerElsewhere() throws Exception {
        for (String path : List.of("/login", "/", "/no-such-page", "/css/fsc.css", "/admin/users")) {
            HttpHeaders headers = get(path);
            assertThat(policy(headers)).as(path).contains("default-src 'self'", "script-src 'self'",
                    "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "form-action 'self'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
        }
    }

    @Test
    void swaggerUiMaySetStylesButRunsNoInlineScript() throws Exception {
        HttpHeaders headers = get("/swagger-ui/index.html");

        assertThat(policy(headers)).contains("script-src 'self';", "style-src 'self' 'unsafe-inline'")
                .doesNotContain("unsafe-eval");
        assertThat(headers.allValues("Content-Security-Policy")).hasSize(1);
    }

    @Test
    void apiAnswersMayLoadNothing() throws Exception {
        for (HttpHeaders headers : List.of(get("/api/v1/regions", "Authorization", BASIC_ADMIN),
                get("/api/v1/regions"), get("/api/v1/no-such-thing", "Authorization", BASIC_ADMIN))) {
            assertThat(policy(headers)).isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void behindAnHttpsProxyCookiesAreSecureAndHstsIsSent() throws Exception {
        HttpHeaders proxied = get("/login?lang=en", "X-Forwarded-Proto", "https");
        HttpHeaders direct = get("/login?lang=en");

        assertThat(proxied.allValues("Set-Cookie")).extracting(cookie -> cookie.substring(0, cookie.indexOf('=')))
                .contains("SESSION", "fsc-lang");
        assertThat(proxied.allValues("Set-Cookie")).allSatisfy(cookie -> assertThat(cookie).contains("; Secure",
                "HttpOnly"));
        assertThat(proxied.firstValue("Strict-Transport-Security")).isPresent();
        assertThat(direct.allValues("Set-Cookie")).isNotEmpty().noneMatch(cookie -> cookie.contains("Secure"));
    }

    /** What the content security policy would refuse: inline scripts, event handler attributes, style attributes. */
    @Test
    void noTemplateHasAnInlineScriptAnEventHandlerOrAStyleAttribute() throws IOException {
        Pattern inline = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|\\s(th:)?style\\s*=|<style"
                + "|th:attr=\"[^\"]*\\b(on[a-z]+|style)=|hx-on");
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            List<String> found = templates.filter(path -> path.toString().endsWith(".html")).flatMap(path -> {
                try {
                    return inline.matcher(Files.readString(path)).results()
                            .map(match -> path.getFileName() + ": " + match.group());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(found).isEmpty();
        }
    }
}
