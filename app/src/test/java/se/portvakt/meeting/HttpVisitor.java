package se.portvakt.meeting;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript against the running server: keeps its cookies (the session cookie is
 * Secure, which a browser still sends to localhost; so do we) and fills in the forms' CSRF token.
 */
final class HttpVisitor {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** What the server answered. */
    record Answer(int status, String location, String body) {}

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    HttpVisitor(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The same browser (its cookies, so its session) at another node, listening on {@code port}. */
    HttpVisitor at(int port) {
        HttpVisitor elsewhere = new HttpVisitor(port);
        elsewhere.cookies.putAll(cookies);
        return elsewhere;
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A form POST with the CSRF token from {@code formPage}; {@code fields} are name, value, name, value... */
    Answer post(String formPage, String path, String... fields) {
        Matcher csrf = CSRF.matcher(get(formPage).body());
        if (!csrf.find()) {
            throw new AssertionError("No CSRF token on " + formPage);
        }
        StringBuilder form = new StringBuilder("_csrf=").append(encode(csrf.group(1)));
        for (int i = 0; i < fields.length; i += 2) {
            form.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    /** Logs a staff user in with their password. */
    HttpVisitor logIn(String email, String password) {
        Answer answer = post("/login", "/login", "email", email, "password", password);
        if (answer.status() != 302 || answer.location().contains("/login")) {
            throw new AssertionError("Login failed: " + answer);
        }
        return this;
    }

    /** A guest at a link-only meeting: opens the link and says they are here. */
    HttpVisitor arrive(String token, boolean anonymous) {
        get("/m/" + token);
        Answer joined = post("/m/" + token + "/info", "/m/" + token + "/join", "anonymous", String.valueOf(anonymous));
        if (joined.status() != 302 || !joined.location().endsWith("/wait")) {
            throw new AssertionError("Join failed: " + joined);
        }
        return this;
    }

    String cookieHeader() {
        return cookies.entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    String wsUrl(String query) {
        return base.replace("http:", "ws:") + "/ws?" + query;
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
                    response.headers().firstValue("location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
