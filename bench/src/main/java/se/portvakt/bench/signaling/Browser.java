package se.portvakt.bench.signaling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript: its own cookies (the session cookie is Secure, which a browser still sends to
 * localhost; so do we), forms posted with their CSRF token. Many browsers share one {@link HttpClient}.
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** What the server answered. */
    record Answer(int status, String location, String body) {}

    private final HttpClient http;
    private final String base;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    Browser(HttpClient http, int port) {
        this.http = http;
        this.base = "http://127.0.0.1:" + port;
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A form POST with the CSRF token read from {@code formPage}; {@code fields} are name, value, name, value... */
    Answer post(String formPage, String path, String... fields) {
        Matcher csrf = CSRF.matcher(get(formPage).body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on " + formPage);
        }
        StringBuilder form = new StringBuilder("_csrf=").append(encode(csrf.group(1)));
        for (int i = 0; i < fields.length; i += 2) {
            form.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    /** Logs a staff member in with their password; the answer is where the login sent them. */
    Answer logIn(String email, String password) {
        Answer answer = post("/login", "/login", "email", email, "password", password);
        if (answer.status() != 302 || answer.location().contains("/login")) {
            throw new IllegalStateException(
                    "login of " + email + " failed: " + answer.status() + " " + answer.location());
        }
        return answer;
    }

    /** A guest of a link-only meeting: opens their link and says they are here, as the waiting page's form does. */
    void arrive(String token) {
        get("/m/" + token);
        Answer joined = post("/m/" + token + "/info", "/m/" + token + "/join", "anonymous", "false");
        if (joined.status() != 302 || !joined.location().endsWith("/wait")) {
            throw new IllegalStateException("arrival failed: " + joined.status() + " " + joined.location());
        }
    }

    String cookieHeader() {
        return cookies.entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    private Answer send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("set-cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("location").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
