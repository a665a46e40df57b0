package se.portvakt.sfu.node;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends the SFU's events to the app ({@code POST} to its events URL with the bearer secret), one at a time in the
 * order they happened, from a thread of its own. {@link #offer} is what the SFU's packet thread calls: it only
 * queues, never waits; when the queue is full the event is dropped and counted. A POST that fails is tried again
 * after each of {@link #RETRY_DELAYS}, then dropped with a log line (later events wait meanwhile, so order holds).
 */
final class EventSender implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventSender.class.getName());

    static final int CAPACITY = 10_000;
    static final List<Duration> RETRY_DELAYS =
            List.of(Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(4));
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI target;
    private final BearerSecret secret;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final LongAdder dropped = new LongAdder();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Thread thread;

    EventSender(URI target, BearerSecret secret) {
        this.target = target;
        this.secret = secret;
        this.thread = new Thread(this::sendAll, "sfu-node-events");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues one event; never blocks. */
    void offer(Object event) {
        if (!queue.offer(event)) {
            dropped.increment();
        }
    }

    /** Events not delivered since start: the queue was full, or every try failed. */
    long dropped() {
        return dropped.sum();
    }

    @Override
    public void close() {
        thread.interrupt();
    }

    private void sendAll() {
        try {
            while (true) {
                send(queue.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Object event) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(TIMEOUT)
                .header("Authorization", secret.header())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(NodeEvents.encode(event)))
                .build();
        String failure = null;
        for (int attempt = 0; attempt <= RETRY_DELAYS.size(); attempt++) {
            if (attempt > 0) {
                Thread.sleep(RETRY_DELAYS.get(attempt - 1).toMillis());
            }
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status / 100 == 2) {
                    return;
                }
                failure = "status " + status;
            } catch (IOException e) {
                failure = e.toString();
            }
        }
        dropped.increment();
        LOG.log(
                System.Logger.Level.WARNING,
                "dropped an SFU event (" + event.getClass().getSimpleName() + ") for " + target + " after "
                        + (RETRY_DELAYS.size() + 1) + " tries: " + failure);
    }
}
