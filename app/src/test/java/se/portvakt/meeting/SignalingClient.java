package se.portvakt.meeting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A signaling socket as a test drives it: the JDK's WebSocket client with the visitor's session cookie. */
final class SignalingClient implements WebSocket.Listener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Opens the socket, or throws when the handshake is refused. */
    static SignalingClient open(HttpVisitor visitor, String query) {
        SignalingClient client = new SignalingClient();
        client.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Cookie", visitor.cookieHeader())
                .buildAsync(URI.create(visitor.wsUrl(query)), client)
                .join();
        return client;
    }

    /** Whether the handshake is refused (403) for the visitor. */
    static boolean refused(HttpVisitor visitor, String query) {
        try {
            open(visitor, query).close();
            return false;
        } catch (CompletionException e) {
            return true;
        }
    }

    SignalingClient send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /** The next message of the type that matches, skipping others; fails after {@link #WAIT}. */
    JsonNode await(String type, Predicate<JsonNode> matching) {
        return await(type, matching, WAIT);
    }

    /** The same, failing after {@code wait} (what crosses to another process on a loaded machine). */
    JsonNode await(String type, Predicate<JsonNode> matching, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode message = received.poll(50, TimeUnit.MILLISECONDS);
                if (message != null && type.equals(message.path("type").asString()) && matching.test(message)) {
                    return message;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No '" + type + "' message that matches; saw " + seen);
    }

    JsonNode await(String type) {
        return await(type, message -> true);
    }

    /** Every message received so far, in order. */
    List<JsonNode> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** The close code once the server has closed the socket. */
    int awaitClosed() {
        return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonNode message = JSON.readTree(partial.toString());
            partial.setLength(0);
            synchronized (seen) {
                seen.add(message);
            }
            received.add(message);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
    }
}
