package se.portvakt.sfu.node;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.core.JacksonException;

/**
 * One SFU node's control API as the app calls it (docs/sfu-control.md): 400 becomes {@link IllegalArgumentException}
 * (as the in-process SFU throws), any other failure {@link IllegalStateException}.
 */
final class NodeClient {

    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration ANSWER = Duration.ofSeconds(10);
    /**
     * {@code GET /node} decides whether a silent node is alive: one that takes longer is taken for dead. A killed node
     * refuses at once; 2 s took live nodes for dead when their process starved on a loaded machine (load 40 on 2 cores).
     */
    private static final Duration STATUS = Duration.ofSeconds(5);

    private final URI base;
    private final BearerSecret secret;
    private final HttpClient http;

    NodeClient(URI base, BearerSecret secret) {
        String url = base.toString();
        this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.secret = secret;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT).build();
    }

    NodeStatus status() {
        return call("GET", "/node", null, NodeStatus.class, STATUS);
    }

    /** A request answered with JSON of type {@code answer}, or with nothing ({@code answer} null). */
    <T> T call(String method, String path, Object body, Class<T> answer) {
        return call(method, path, body, answer, ANSWER);
    }

    private <T> T call(String method, String path, Object body, Class<T> answer, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", secret.header());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(ControlJson.MAPPER.writeValueAsBytes(body)));
        }
        HttpResponse<byte[]> response = send(request.build());
        int status = response.statusCode();
        if (status == 400) {
            throw new IllegalArgumentException(error(response));
        }
        if (status / 100 != 2) {
            throw new IllegalStateException("SFU node " + base + " answered " + method + " " + path + " with " + status
                    + ": " + error(response));
        }
        try {
            return answer == null ? null : ControlJson.MAPPER.readValue(response.body(), answer);
        } catch (JacksonException e) {
            throw new IllegalStateException("SFU node " + base + " answered unreadable JSON to " + path, e);
        }
    }

    /** A path segment: the ids are UUIDs, but a space or a slash must not change the path. */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return base.toString();
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("SFU node " + base + " does not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling SFU node " + base, e);
        }
    }

    private static String error(HttpResponse<byte[]> response) {
        try {
            return ControlJson.MAPPER.readTree(response.body()).path("error").asString("no reason given");
        } catch (JacksonException e) {
            return "no reason given";
        }
    }
}
