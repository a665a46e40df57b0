package se.portvakt.bench.janus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Janus API over its HTTP transport, as janus.js uses it: one session, kept alive by a long poll that also
 * brings the plugins' asynchronous events, matched to their requests by transaction.
 */
final class JanusApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final long session;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    JanusApi(String base) throws IOException, InterruptedException {
        this.base = base;
        this.session =
                call("", Map.of("janus", "create")).path("data").path("id").asLong();
        this.poller = new Thread(this::poll, "janus-events");
        poller.setDaemon(true);
        poller.start();
    }

    /** Attaches a handle to the VideoRoom plugin. */
    long attachVideoRoom() throws IOException, InterruptedException {
        return call("/" + session, Map.of("janus", "attach", "plugin", "janus.plugin.videoroom"))
                .path("data")
                .path("id")
                .asLong();
    }

    /** A synchronous plugin request (create, destroy): the plugin's response data. */
    JsonNode request(long handle, Map<String, Object> body) throws IOException, InterruptedException {
        JsonNode reply = call("/" + session + "/" + handle, Map.of("janus", "message", "body", body));
        return reply.path("plugindata").path("data");
    }

    /** An asynchronous plugin request (join, publish, start): waits for its event; {@code jsep} may be null. */
    JsonNode message(long handle, Map<String, Object> body, Map<String, Object> jsep) throws Exception {
        String transaction = UUID.randomUUID().toString();
        CompletableFuture<JsonNode> event = new CompletableFuture<>();
        pending.put(transaction, event);
        Map<String, Object> request =
                new LinkedHashMap<>(Map.of("janus", "message", "body", body, "transaction", transaction));
        if (jsep != null) {
            request.put("jsep", jsep);
        }
        JsonNode ack = post("/" + session + "/" + handle, request);
        if (!ack.path("janus").asString().equals("ack")
                && !ack.path("janus").asString().equals("success")) {
            pending.remove(transaction);
            throw new IOException("Janus refused " + body + ": " + ack);
        }
        try {
            JsonNode result = event.get(30, TimeUnit.SECONDS);
            JsonNode data = result.path("plugindata").path("data");
            if (data.has("error")) {
                throw new IOException("Janus VideoRoom error for " + body.get("request") + ": " + data);
            }
            return result;
        } finally {
            pending.remove(transaction);
        }
    }

    private JsonNode call(String path, Map<String, Object> request) throws IOException, InterruptedException {
        Map<String, Object> withTransaction = new LinkedHashMap<>(request);
        withTransaction.put("transaction", UUID.randomUUID().toString());
        JsonNode reply = post(path, withTransaction);
        if (!reply.path("janus").asString().equals("success")) {
            throw new IOException("Janus " + request.get("janus") + " failed: " + reply);
        }
        return reply;
    }

    private JsonNode post(String path, Map<String, Object> request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private void poll() {
        while (running) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/" + session + "?maxev=50"))
                                .timeout(Duration.ofSeconds(40))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode events = JSON.readTree(response.body());
                if (events.isArray()) {
                    events.forEach(this::dispatch);
                } else {
                    dispatch(events);
                }
            } catch (IOException | RuntimeException e) {
                if (running) {
                    sleep();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void dispatch(JsonNode event) {
        JsonNode transaction = event.get("transaction");
        if (event.path("janus").asString().equals("event") && transaction != null) {
            CompletableFuture<JsonNode> waiting = pending.get(transaction.asString());
            if (waiting != null) {
                waiting.complete(event);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            post(
                    "/" + session,
                    Map.of("janus", "destroy", "transaction", UUID.randomUUID().toString()));
        } catch (Exception e) {
            // Janus is being stopped anyway
        }
    }
}
