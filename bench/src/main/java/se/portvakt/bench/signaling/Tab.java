package se.portvakt.bench.signaling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One signaling socket of a simulated participant (a host's meeting view or a guest's tab), on one node. It keeps
 * only what the benchmark reads: how many messages went each way, the participant's state as the last {@code state}
 * said, and when that state last became IN_MEETING. Messages are not parsed as JSON: finding one field is enough,
 * and the generator shares the machine's two cores with the nodes it measures.
 */
final class Tab implements WebSocket.Listener {

    private static final String YOUR_STATE = "\"yourState\":\"";
    private static final String YOU = "\"you\":\"";

    final int node;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final StringBuilder partial = new StringBuilder();
    private volatile String you;
    private volatile String yourState = "";
    private volatile boolean started;
    private volatile long inMeetingAt;
    private volatile String closedBecause;
    private WebSocket socket;

    private Tab(int node) {
        this.node = node;
    }

    /** Opens {@code /ws?query} on the node at {@code port} with the browser's cookies. */
    static Tab open(HttpClient http, Browser browser, int node, int port, String query) {
        Tab tab = new Tab(node);
        tab.socket = http.newWebSocketBuilder()
                .header("Cookie", browser.cookieHeader())
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?" + query), tab)
                .orTimeout(60, TimeUnit.SECONDS)
                .join();
        return tab;
    }

    /** Sends one message; the JDK allows one send at a time per socket, so callers of one tab take turns. */
    synchronized void send(String text) {
        socket.sendText(text, true).join();
        sent.incrementAndGet();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        partial.append(data);
        if (last) {
            handle(partial.toString(), now);
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    private void handle(String message, long now) {
        received.incrementAndGet();
        if (message.startsWith("{\"type\":\"state\"")) {
            String state = field(message, YOUR_STATE);
            if ("IN_MEETING".equals(state) && !"IN_MEETING".equals(yourState)) {
                inMeetingAt = now;
            }
            if (you == null) {
                you = field(message, YOU);
            }
            started |= message.contains("\"started\":true");
            yourState = state == null ? "" : state;
        } else if (message.startsWith("{\"type\":\"error\"")) {
            errors.incrementAndGet();
        } else if (message.startsWith("{\"type\":\"closed\"")) {
            closedBecause = message;
        }
    }

    private static String field(String message, String prefix) {
        int at = message.indexOf(prefix);
        if (at < 0) {
            return null;
        }
        int from = at + prefix.length();
        return message.substring(from, message.indexOf('"', from));
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (closedBecause == null) {
            closedBecause = "closed " + statusCode + " " + reason;
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closedBecause = "error " + error;
    }

    /** The participant id the first {@code state} named. */
    String you() {
        return you;
    }

    String yourState() {
        return yourState;
    }

    /** Whether a {@code state} said the meeting has started (a host's view, after its join). */
    boolean started() {
        return started;
    }

    /** {@link System#nanoTime()} when a {@code state} last moved this participant into the meeting, or 0. */
    long inMeetingAt() {
        return inMeetingAt;
    }

    String closedBecause() {
        return closedBecause;
    }

    long received() {
        return received.get();
    }

    long sent() {
        return sent.get();
    }

    long errors() {
        return errors.get();
    }

    void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "")
                .orTimeout(5, TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
    }
}
