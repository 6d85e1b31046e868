package dk.fsc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A browser's view of the web UI without a browser: cookies (the session), form posts with
 * or without the CSRF token, and redirects not followed, so tests see each answer.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    private WebSession(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static WebSession anonymous(int port) {
        return new WebSession(port);
    }

    /** Logs in through the login form, as a person would. */
    public static WebSession logIn(int port, String user, String password) {
        WebSession session = new WebSession(port);
        HttpResponse<String> loggedIn = session.post("/login", "username=" + encode(user) + "&password="
                + encode(password));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /**
     * Follows the answer's redirects, to the platform or elsewhere (a login broker), as a
     * browser would; the answer that is no redirect.
     */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
            URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
            current = send(HttpRequest.newBuilder(next).header("Accept", "text/html").GET());
        }
        return current;
    }

    /** A download's bytes as they came, e.g. a spreadsheet. */
    public byte[] getBytes(String path) {
        HttpResponse<byte[]> response = send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** A GET as htmx sends it, asking for a part of a page. */
    public HttpResponse<String> getAsHtmx(String path) {
        return send(request(path).header("HX-Request", "true").GET());
    }

    /** Posts the form with the CSRF token of a freshly loaded page, as the page's own form would. */
    public HttpResponse<String> post(String path, String form) {
        return postWithoutCsrf(path, form + "&_csrf=" + encode(csrfToken()));
    }

    public HttpResponse<String> postWithoutCsrf(String path, String form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A file of a multipart form: its name, the content type the browser declares, its bytes. */
    public record Upload(String field, String fileName, String contentType, byte[] content) {
    }

    /** Posts a multipart form (text fields and at most one file) with the CSRF token, as a file-upload form would. */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, @Nullable Upload file) {
        String boundary = "fsc" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrfToken());
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                    + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The value of the session cookie, if there is one. */
    public Optional<String> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst();
    }

    private String csrfToken() {
        Matcher token = CSRF.matcher(get("/login").body());
        assertThat(token.find()).as("a page with a CSRF token").isTrue();
        return token.group(1);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
