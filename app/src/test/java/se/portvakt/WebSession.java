package se.portvakt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's cookies against the running server over real HTTP, so sessions live in the database as they do
 * in production (MockMvc's logins never reach it). The cookies are kept by hand: the session cookie is Secure,
 * which a client's cookie store would not send over plain http to localhost as a browser does. Each session comes
 * from an address of its own (X-Forwarded-For, which the server believes from loopback), so the per-address
 * login throttle of one test never meets another's.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String base;
    private final String address = "10." + ThreadLocalRandom.current().nextInt(256) + "."
            + ThreadLocalRandom.current().nextInt(256) + "."
            + ThreadLocalRandom.current().nextInt(1, 255);
    private final CookieJar cookies = new CookieJar();

    public WebSession(int port) {
        this("http://localhost:" + port);
    }

    /** @param base e.g. an identity provider's {@code http://127.0.0.1:port} */
    public WebSession(String base) {
        this.base = base;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .GET());
    }

    /** Posts a form with the CSRF token found on {@code formPage}. */
    public HttpResponse<String> post(String formPage, String path, Map<String, String> fields) {
        Matcher token = CSRF.matcher(get(formPage).body());
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (token.find()) {
            all.put("_csrf", token.group(1));
        }
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Logs in with a password; returns where the server sent the browser ("/" on success). */
    public String logIn(String email, String password) {
        return location(post("/login", "/login", Map.of("email", email, "password", password)));
    }

    /** Where a redirect points, as the server wrote it (absolute or not); null if the answer was no redirect. */
    public static String target(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse(null);
    }

    /** Where a redirect points, as a path; null if the answer was no redirect. */
    public static String location(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .map(URI::create)
                .map(uri -> uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .orElse(null);
    }

    /** Whether a staff page answers, rather than sending this browser to the login page. */
    public boolean loggedIn() {
        HttpResponse<String> start = get("/");
        return start.statusCode() == 200
                || (start.statusCode() == 302
                        && !String.valueOf(location(start)).startsWith("/login"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        request.header("X-Forwarded-For", address).timeout(Duration.ofSeconds(30));
        try {
            return cookies.from(HTTP.send(cookies.onto(request).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
